// Many revisions of one client in one statement (generate_series), for measuring and testing the paged history
// (`npm run bench:history`, its tests). Each is what an administrator's console update writes: the next
// version, kind "updated", the whole metadata and its change set, here a new `software_version` (a member no
// listing column derives from); the client's row takes the last one's version and metadata. The audit events
// of those updates are left out: the history does not read them.
import type pg from "pg";

const addRevisionsSql = `
WITH target AS (
  SELECT id, version, metadata FROM client WHERE client_id = $1 AND deleted_at IS NULL FOR UPDATE
), added AS (
  INSERT INTO client_revision (id, client_ref, version, kind, metadata, change_set, actor, interface, request_id, created_at)
  SELECT gen_random_uuid(), target.id, target.version + n, 'updated',
         target.metadata || jsonb_build_object('software_version', '1.' || (target.version + n)),
         jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
           'path', jsonb_build_array('software_version'),
           'before', CASE WHEN n = 1 THEN target.metadata -> 'software_version' ELSE to_jsonb('1.' || (target.version + n - 1)) END,
           'after', to_jsonb('1.' || (target.version + n))))),
         $3, 'console', 'synthetic-' || n, now() - make_interval(secs => $2::int - n)
    FROM target, generate_series(1, $2::int) AS n
  RETURNING version
)
UPDATE client
   SET version = target.version + $2::int,
       metadata = target.metadata || jsonb_build_object('software_version', '1.' || (target.version + $2::int)),
       updated_at = now()
  FROM target
 WHERE client.id = target.id AND (SELECT count(*) FROM added) = $2::int
RETURNING client.version`;

/** Adds `count` console updates to a live client; returns its new version. */
export async function addSyntheticRevisions(db: Pick<pg.ClientBase, "query">, clientId: string, count: number, actor = "admin:history@registrar.example"): Promise<number> {
  const { rows } = await db.query<{ version: number }>(addRevisionsSql, [clientId, count, actor]);
  if (!rows[0]) throw new Error(`no live client ${clientId}`);
  return rows[0].version;
}
