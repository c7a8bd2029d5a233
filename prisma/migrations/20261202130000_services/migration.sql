-- Several services: a deleted service's tombstone, named API keys per service, and console roles
-- limited to chosen services.
-- AlterTable
ALTER TABLE "service" ADD COLUMN     "deleted_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "service_api_key" (
    "id" UUID NOT NULL,
    "service_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key_hash" BYTEA NOT NULL,
    "hint" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "service_api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_grant" (
    "user_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_grant_pkey" PRIMARY KEY ("user_id","service_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "service_api_key_key_hash_key" ON "service_api_key"("key_hash");

-- CreateIndex
CREATE INDEX "service_api_key_service_id_created_at_idx" ON "service_api_key"("service_id", "created_at");

-- CreateIndex
CREATE INDEX "service_grant_service_id_idx" ON "service_grant"("service_id");

-- AddForeignKey
ALTER TABLE "service_api_key" ADD CONSTRAINT "service_api_key_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_grant" ADD CONSTRAINT "service_grant_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_grant" ADD CONSTRAINT "service_grant_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

