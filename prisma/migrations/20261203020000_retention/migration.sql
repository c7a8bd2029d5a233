-- Pruning (lib/registration/retention.ts) finds old rows by these columns; audit_event is served by
-- audit_event_created_at_id_idx already.
-- CreateIndex
CREATE INDEX "auth_failure_window_start_idx" ON "auth_failure"("window_start");

-- CreateIndex
CREATE INDEX "rateLimit_lastRequest_idx" ON "rateLimit"("lastRequest");
