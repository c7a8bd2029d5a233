-- The indexes of the clients list (lib/clients/list.ts): partial, because the list never shows deleted clients.

-- DropIndex
DROP INDEX "client_search_text_idx";

-- DropIndex
DROP INDEX "client_service_id_client_name_id_idx";

-- DropIndex
DROP INDEX "client_service_id_created_at_id_idx";

-- DropIndex
DROP INDEX "client_service_id_updated_at_id_idx";

-- CreateIndex
CREATE INDEX "client_live_created_idx" ON "client"("service_id", "created_at" DESC, "id" DESC) WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE INDEX "client_live_updated_idx" ON "client"("service_id", "updated_at" DESC, "id" DESC) WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE INDEX "client_live_auth_method_idx" ON "client"("service_id", "token_endpoint_auth_method", "created_at" DESC, "id" DESC) WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE INDEX "client_live_grant_types_idx" ON "client" USING GIN ("grant_types") WHERE (deleted_at IS NULL);

-- CreateIndex
CREATE INDEX "client_live_search_idx" ON "client" USING GIN ("search_text" gin_trgm_ops) WHERE (deleted_at IS NULL);


-- The name order (A to Z, unnamed clients last) is on an expression that schema.prisma cannot declare;
-- prisma migrate diff ignores expression indexes, so this file is its only home.
CREATE INDEX "client_live_name_idx" ON "client"("service_id", (client_name IS NULL), (coalesce(lower(client_name), '')), "id") WHERE (deleted_at IS NULL);
