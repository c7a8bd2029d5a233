-- A revision written by an import from a client file (lib/migration): its own kind, so the history tells it
-- from a registration or an edit.
ALTER TYPE "revision_kind" ADD VALUE 'imported';
