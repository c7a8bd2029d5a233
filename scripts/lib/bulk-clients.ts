// `npm run db:seed -- --clients N`: N synthetic clients written by PostgreSQL itself (generate_series), in
// batches, for measuring the console at scale. They are valid registrations (their metadata passes the
// rules: public native apps, private_key_jwt web apps and services with a jwks_uri, so none needs a
// stored secret), marked origin "import", each with its first revision.
import type pg from "pg";

const companies = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Litware", "Proseware", "Woodgrove", "Lucerne", "Coho", "Alpine", "Trey", "Humongous", "Margie", "Fourth", "Blue Yonder", "Adatum", "Relecloud", "VanArsdel", "Munson"];
const products = ["Orders", "Analytics", "Support", "Payroll", "Inventory", "Checkout", "Partners", "Field", "Sync", "Status", "Mobile", "Billing"];

const batchSql = `
WITH params AS (SELECT $1::text AS service_id, $4::text[] AS companies, $5::text[] AS products),
g AS (
  SELECT n,
         (SELECT companies[1 + (n % array_length(companies, 1))] FROM params) || ' ' ||
         (SELECT products[1 + ((n / 20) % array_length(products, 1))] FROM params) || ' ' || n AS name,
         rtrim(translate(encode(uuid_send(gen_random_uuid()), 'base64'), '+/', '-_'), '=') AS client_id,
         CASE n % 3 WHEN 0 THEN 'web' WHEN 1 THEN 'native' ELSE 'service' END AS kind,
         now() - random() * interval '1095 days' AS created_at
    FROM generate_series($2::int, $3::int) AS n
),
rows AS (
  SELECT g.*, lower(regexp_replace(name, '[^A-Za-z0-9]+', '-', 'g')) AS slug FROM g
),
docs AS (
  SELECT rows.*,
         CASE kind
           WHEN 'web' THEN jsonb_build_object(
             'client_name', name, 'redirect_uris', jsonb_build_array('https://' || slug || '.example/callback'),
             'token_endpoint_auth_method', 'private_key_jwt', 'jwks_uri', 'https://' || slug || '.example/jwks.json',
             'grant_types', jsonb_build_array('authorization_code', 'refresh_token'), 'response_types', jsonb_build_array('code'),
             'application_type', 'web', 'contacts', jsonb_build_array('admin@' || slug || '.example'), 'id_token_signed_response_alg', 'RS256')
           WHEN 'native' THEN jsonb_build_object(
             'client_name', name, 'redirect_uris', jsonb_build_array('com.example.' || replace(slug, '-', '') || ':/callback'),
             'token_endpoint_auth_method', 'none', 'grant_types', jsonb_build_array('authorization_code'), 'response_types', jsonb_build_array('code'),
             'application_type', 'native', 'id_token_signed_response_alg', 'RS256')
           ELSE jsonb_build_object(
             'client_name', name, 'token_endpoint_auth_method', 'private_key_jwt', 'jwks_uri', 'https://' || slug || '.example/jwks.json',
             'grant_types', jsonb_build_array('client_credentials'), 'response_types', '[]'::jsonb, 'application_type', 'web',
             'contacts', jsonb_build_array('ops@' || slug || '.example'), 'id_token_signed_response_alg', 'RS256')
         END AS metadata
    FROM rows
),
client AS (
  INSERT INTO client (id, service_id, client_id, metadata, origin, client_name, application_type, token_endpoint_auth_method,
                      grant_types, redirect_uris, contacts, search_text, version, created_at, updated_at)
  SELECT gen_random_uuid(), (SELECT service_id FROM params), client_id, metadata, 'import', name, metadata->>'application_type',
         metadata->>'token_endpoint_auth_method',
         ARRAY(SELECT jsonb_array_elements_text(metadata->'grant_types')),
         ARRAY(SELECT jsonb_array_elements_text(coalesce(metadata->'redirect_uris', '[]'))),
         ARRAY(SELECT jsonb_array_elements_text(coalesce(metadata->'contacts', '[]'))),
         lower(concat_ws(' ', name, client_id, metadata->'redirect_uris'->>0, metadata->'contacts'->>0)),
         1, created_at, created_at
    FROM docs
  RETURNING id, metadata, created_at
)
INSERT INTO client_revision (id, client_ref, version, kind, metadata, change_set, actor, interface, created_at)
SELECT gen_random_uuid(), id, 1, 'created', metadata, '[]'::jsonb, 'import:seed', 'cli', created_at FROM client`;

/**
 * Creates a service as a row of its own (the default policy, no API key) unless it exists: the services a
 * benchmark spreads its clients over besides the default one, which the app creates itself.
 */
export async function ensureBulkService(pool: pg.Pool, id: string, name: string): Promise<void> {
  await pool.query("INSERT INTO service (id, name, policy, created_at, updated_at) VALUES ($1, $2, '{}', now(), now()) ON CONFLICT (id) DO NOTHING", [id, name]);
}

/** Inserts `count` synthetic clients into a service, reporting progress; returns the number written. */
export async function insertBulkClients(pool: pg.Pool, serviceId: string, count: number, onProgress: (done: number) => void): Promise<number> {
  const start = (await pool.query<{ max: number | null }>("SELECT max(number) AS max FROM client")).rows[0]?.max ?? 0;
  const batch = 25_000;
  let done = 0;
  while (done < count) {
    const size = Math.min(batch, count - done);
    await pool.query(batchSql, [serviceId, start + done + 1, start + done + size, companies, products]);
    done += size;
    onProgress(done);
  }
  await pool.query("ANALYZE client");
  await pool.query("ANALYZE client_revision");
  return done;
}
