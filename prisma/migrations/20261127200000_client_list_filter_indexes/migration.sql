-- The clients list filtered by type or auth method, sorted by name (lib/clients/list.ts): each value has its
-- clients in name order in an index of its own, so a page is read from where that value's clients start instead
-- of walking the whole name order past every client of other values. Names often say what a client is ("…
-- Mobile", "… Service"): a type whose names all sort late took hundreds of milliseconds at a million clients.
-- The created and updated orders have no such link with a type: they walk their own indexes, with the filter,
-- and every index here is one more write for each registration.
-- Built without CONCURRENTLY: writes to client wait while each index is built (about 20 s in all at a million
-- clients on a 2-core machine).

-- A client's type, exactly as lib/clients/list.ts spells it (clientKind in lib/clients/kind.ts is the same rule):
-- machine without a grant that uses a redirect URI, otherwise native or web. Expression indexes: schema.prisma
-- cannot declare them and prisma migrate diff ignores them, so this file is their only home.
CREATE INDEX "client_live_kind_name_idx" ON "client"("service_id", (CASE WHEN NOT (grant_types && '{authorization_code,implicit}'::text[]) THEN 'machine' WHEN application_type = 'native' THEN 'native' ELSE 'web' END), (client_name IS NULL), (coalesce(lower(client_name), '')), "id") WHERE (deleted_at IS NULL);

-- The planner's statistics of the type: it uses no statistics of a partial index's expressions, and without
-- these it guessed 0.5 % of the clients for any type (the list then counted rows to say "about 10,001").
CREATE STATISTICS "client_kind_stats" ON (CASE WHEN NOT (grant_types && '{authorization_code,implicit}'::text[]) THEN 'machine' WHEN application_type = 'native' THEN 'native' ELSE 'web' END) FROM "client";

-- By auth method (the created order has client_live_auth_method_idx).
CREATE INDEX "client_live_auth_method_name_idx" ON "client"("service_id", "token_endpoint_auth_method", (client_name IS NULL), (coalesce(lower(client_name), '')), "id") WHERE (deleted_at IS NULL);

-- Statistics for the new expression now, not at the next automatic analyze: until then the type filter's
-- counts would be the 0.5 % guess.
ANALYZE "client";
