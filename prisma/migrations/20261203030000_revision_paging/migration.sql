-- An edit's conflict asks whether the registration access token was replaced (a re-issue or an import) after the
-- edit's version: this partial index answers without reading the updates in between (lib/registration/store.ts,
-- hasRevisionSince). The History tab's pages read the unique index on (client_ref, version).

-- CreateIndex
CREATE INDEX "client_revision_token_replaced_idx" ON "client_revision"("client_ref", "version") WHERE (kind = ANY (ARRAY['token_reissued'::revision_kind, 'imported'::revision_kind]));
