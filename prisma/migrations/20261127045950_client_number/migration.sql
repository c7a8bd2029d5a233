-- AlterTable
ALTER TABLE "client" ADD COLUMN     "number" SERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "client_number_key" ON "client"("number");

