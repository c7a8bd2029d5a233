-- The trigram index of the clients list's search takes new entries into a pending list, and the registration
-- that finds the list full (4 MB by default, gin_pending_list_limit) merges it into the index before it commits.
-- Under load that merge held up every registration in its batch: at 64 concurrent registrations on a 2-core
-- machine the p99 latency was 190-230 ms. A 256 kB list is merged sixteen times as often, each time briefly:
-- p99 88-94 ms. Throughput at 16 and 64 connections did not change beyond this machine's noise (npm run bench:api).
ALTER INDEX "client_live_search_idx" SET (gin_pending_list_limit = 256);
