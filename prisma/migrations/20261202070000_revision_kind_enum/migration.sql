-- A revision's kind becomes an enum: the database refuses a kind the code does not know.
CREATE TYPE "revision_kind" AS ENUM ('created', 'updated', 'reverted', 'token_reissued', 'deleted');

ALTER TABLE "client_revision" ALTER COLUMN "kind" TYPE "revision_kind" USING "kind"::"revision_kind";
