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
import { LinkTabs } from "@/components/ui/link-tabs";
import { Pagination } from "@/components/ui/pagination";
import { auditLogHref, isAuditFiltered, noAuditFilters, parseAuditLogQuery, type AuditLogQuery } from "@/lib/audit-log/params";
import { listAuditEvents } from "@/lib/audit-log/query";
import { currentAdministrator, requireServicePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params, searchParams }: { params: Promise<{ serviceId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { serviceId } = await params;
  const { administrator } = await requireServicePermission(serviceId, { audit: ["read"] });
  // Every service's events: for administrators of every service (the global admin role) only.
  const mayReadAll = (await currentAdministrator())?.role === "admin";
  const parsed = parseAuditLogQuery(await searchParams);
  const query = { ...parsed, allServices: mayReadAll && parsed.allServices ? true : undefined };
  return (
    <ConsolePage breadcrumbs={[{ label: "Audit log" }]}>
      <PageHeader
        title="Audit log"
        description={
          query.allServices
            ? "Every service's sign-ins, registrations, changes and refused requests, newest first. Details never hold a secret or a token."
            : "Sign-ins, registrations, changes and refused requests of this service, newest first. Details never hold a secret or a token."
        }
      />
      {mayReadAll && administrator.role === "admin" && (
        <LinkTabs
          label="Which services"
          current={query.allServices ? "all" : "this"}
          tabs={[
            { id: "this", href: auditLogHref(serviceId, query, { allServices: undefined }), label: "This service" },
            { id: "all", href: auditLogHref(serviceId, query, { allServices: true }), label: "All services" },
          ]}
        />
      )}
      <AuditFilters query={query} />
      <Suspense key={JSON.stringify(query)} fallback={<AuditTableSkeleton />}>
        <AuditEvents serviceId={serviceId} query={query} />
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
          <Link href={auditLogHref(serviceId, query, noAuditFilters)} className={buttonClassName({ variant: "secondary" })}>
            Clear filters
          </Link>
        </EmptyState>
      );
    return <EmptyState className="mt-4" icon={ScrollText} title="Nothing recorded yet" description="Sign-ins and every change to a client are recorded here as they happen." />;
  }
  return (
    <div className="mt-4">
      <AuditTable rows={page.rows} showService={query.allServices} />
      <Pagination
        label="Audit log pages"
        start={page.start}
        shown={page.rows.length}
        previousHref={page.previousCursor ? auditLogHref(serviceId, query, { before: page.previousCursor, after: undefined, start: Math.max(1, page.start - page.rows.length) }) : null}
        nextHref={page.nextCursor ? auditLogHref(serviceId, query, { after: page.nextCursor, before: undefined, start: page.start + page.rows.length }) : null}
      />
    </div>
  );
}
