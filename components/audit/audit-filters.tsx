"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ChoiceFilter, FilterChip } from "@/components/ui/filter-chip";
import { DateRangeForm, dateRangeSummary } from "@/components/ui/date-range-form";
import { SearchField } from "@/components/ui/search-field";
import { auditActions, auditOutcomes } from "@/lib/audit";
import { auditActionLabels, auditLogHref, auditOutcomeLabels, isAuditFiltered, noAuditFilters, type AuditLogQuery } from "@/lib/audit-log/params";
import { withChanges } from "@/lib/url-state";

/** The audit log's filters: actor and client as text, action and outcome as chips, a date range; all in the URL. */
export function AuditFilters({ query: rendered }: { query: AuditLogQuery }) {
  const router = useRouter();
  const serviceId = useServiceId();
  const [pending, startTransition] = useTransition();
  // A chip shows its new state at once, while the server renders the events for it.
  const [query, showQuery] = useOptimistic(rendered);
  const go = (changes: Partial<AuditLogQuery>, mode: "push" | "replace" = "push") =>
    startTransition(() => {
      showQuery(withChanges(query, changes));
      router[mode](auditLogHref(serviceId, query, changes), { scroll: false });
    });

  return (
    <div className="mt-5 flex flex-wrap items-center gap-2" role="search" aria-label="Audit events">
      <SearchField className="w-full sm:w-64" label="Actor" placeholder="Actor (e-mail, client:…)" value={query.actor ?? ""} onSearch={(actor) => go({ actor: actor || undefined }, "replace")} pending={pending} />
      <SearchField className="w-full sm:w-64" label="Client id" placeholder="Client id" value={query.client ?? ""} onSearch={(client) => go({ client: client || undefined }, "replace")} />
      <ChoiceFilter
        label="Action"
        choices={auditActions}
        chosen={query.action ? [query.action] : []}
        labelOf={(action) => auditActionLabels[action]}
        hintOf={(action) => action}
        onChange={([action]) => go({ action })}
        contentClassName="w-80"
      />
      <ChoiceFilter
        label="Outcome"
        choices={auditOutcomes}
        chosen={query.outcome ? [query.outcome] : []}
        labelOf={(outcome) => auditOutcomeLabels[outcome]}
        onChange={([outcome]) => go({ outcome })}
        contentClassName="w-48"
      />
      <DateRangeFilter query={query} onApply={(from, to) => go({ from, to })} />
      {isAuditFiltered(query) && (
        <Button variant="ghost" size="sm" onClick={() => go(noAuditFilters)}>
          Clear filters
        </Button>
      )}
    </div>
  );
}

function DateRangeFilter({ query, onApply }: { query: AuditLogQuery; onApply: (from?: string, to?: string) => void }) {
  return (
    <FilterChip label="Date" summary={dateRangeSummary(query.from, query.to)} onClear={() => onApply(undefined, undefined)}>
      <div className="p-1.5">
        <DateRangeForm id="audit-date" from={query.from} to={query.to} onApply={onApply} />
      </div>
    </FilterChip>
  );
}
