import { ScrollText, SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { AuditTableSkeleton } from "@/components/audit/audit-table-skeleton";
import { ConsolePage } from "@/components/console/console-page";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { auditLogHref, isAuditFiltered, noAuditFilters, parseAuditLogQuery, type AuditLogQuery } from "@/lib/audit-log/params";
import { listAuditEvents } from "@/lib/audit-log/query";
import { requirePermission } from "@/lib/auth/session";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission({ audit: ["read"] });
  const query = parseAuditLogQuery(await searchParams);
  return (
    <ConsolePage breadcrumbs={[{ label: "Audit log" }]}>
      <PageHeader title="Audit log" description="Sign-ins, registrations, changes and refused requests, newest first. Details never hold a secret or a token." />
      <AuditFilters query={query} />
      <Suspense key={JSON.stringify(query)} fallback={<AuditTableSkeleton />}>
        <AuditEvents serviceId={config().serviceId} query={query} />
      </Suspense>
    </ConsolePage>
  );
}

async function AuditEvents({ serviceId, query }: { serviceId: string; query: AuditLogQuery }) {
  const page = await listAuditEvents(serviceId, query);
  if (!page.rows.length) {
    if (isAuditFiltered(query))
      return (
        <EmptyState className="mt-4" icon={SearchX} title="No audit events match these filters" description="Widen the date range or clear a filter.">
          <Link href={auditLogHref(query, noAuditFilters)} className={buttonClassName({ variant: "secondary" })}>
            Clear filters
          </Link>
        </EmptyState>
      );
    return <EmptyState className="mt-4" icon={ScrollText} title="Nothing recorded yet" description="Sign-ins and every change to a client are recorded here as they happen." />;
  }
  return (
    <div className="mt-4">
      <AuditTable rows={page.rows} />
      <Pagination
        label="Audit log pages"
        start={page.start}
        shown={page.rows.length}
        previousHref={page.previousCursor ? auditLogHref(query, { before: page.previousCursor, after: undefined, start: Math.max(1, page.start - page.rows.length) }) : null}
        nextHref={page.nextCursor ? auditLogHref(query, { after: page.nextCursor, before: undefined, start: page.start + page.rows.length }) : null}
      />
    </div>
  );
}
