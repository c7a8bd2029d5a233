-- Fewer index writes per registration (each one also writes WAL). No query reads audit_event by actor
-- through an index: the audit log's actor filter is a substring match (ILIKE '%…%'), which a B-tree cannot
-- serve. The software_id index serves the duplicate check (blockDuplicateSoftwareId), which looks up one
-- given software_id: clients without one need no entry.

-- DropIndex
DROP INDEX "audit_event_actor_created_at_idx";

-- DropIndex
DROP INDEX "client_service_id_software_id_idx";

-- CreateIndex
CREATE INDEX "client_service_id_software_id_idx" ON "client"("service_id", "software_id") WHERE (software_id IS NOT NULL);
