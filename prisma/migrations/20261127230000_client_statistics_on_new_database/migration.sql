-- The previous migration ends with ANALYZE "client". On a new database the table is empty then, and PostgreSQL
-- keeps "analyzed: no rows" until autovacuum analyzes it again, a minute or more later. Meanwhile every
-- connection planned the foreign-key check of each revision it wrote (client_revision.client_ref) as a
-- sequential scan of client, and kept that plan until the next analyze: registering got slower with every
-- client (at 10,000 clients a registration cost PostgreSQL more than twice its usual time).
-- TRUNCATE of an empty table puts back "never analyzed", and the planner then sizes the table from its pages.
-- A table that already has clients keeps its statistics and its rows: nothing is truncated then. The lock comes
-- first, so that no client can be written between the check and the TRUNCATE.
DO $$
BEGIN
  LOCK TABLE "client" IN ACCESS EXCLUSIVE MODE;
  IF NOT EXISTS (SELECT 1 FROM "client") THEN
    TRUNCATE "client" CASCADE;
  END IF;
END
$$;
