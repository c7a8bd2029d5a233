"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ChoiceFilter, FilterChip, FilterOption } from "@/components/ui/filter-chip";
import { DateRangeForm, dateRangeSummary } from "@/components/ui/date-range-form";
import { fieldClassName } from "@/components/ui/input";
import { SearchField } from "@/components/ui/search-field";
import { clientKindLabels, clientKinds } from "@/lib/clients/kind";
import { authMethodLabel, grantTypeLabel } from "@/lib/clients/labels";
import {
  clientListHref,
  createdRanges,
  defaultOrder,
  isFiltered,
  noFilters,
  type ClientListQuery,
  type ClientSort,
  type CreatedRange,
  type SortOrder,
} from "@/lib/clients/list-params";
import { cn } from "@/lib/cn";
import { grantTypes, tokenEndpointAuthMethods } from "@/lib/registration/vocabulary";
import { withChanges } from "@/lib/url-state";

const sortChoices: { value: `${ClientSort}:${SortOrder}`; label: string }[] = [
  { value: "created:desc", label: "Newest first" },
  { value: "created:asc", label: "Oldest first" },
  { value: "updated:desc", label: "Recently updated" },
  { value: "updated:asc", label: "Least recently updated" },
  { value: "name:asc", label: "Name, A to Z" },
  { value: "name:desc", label: "Name, Z to A" },
];

/** Search, filter chips and sort of the clients list; every change is a new URL, rendered on the server. */
export function ClientsToolbar({ query: rendered }: { query: ClientListQuery }) {
  const router = useRouter();
  const serviceId = useServiceId();
  const [pending, startTransition] = useTransition();
  // A chip shows its new state at once, while the server renders the list for it.
  const [query, showQuery] = useOptimistic(rendered);

  // Typing replaces the URL (Back skips keystrokes); a filter, sort or clear is a step of its own.
  function go(changes: Partial<ClientListQuery>, mode: "push" | "replace" = "push") {
    const href = clientListHref(serviceId, query, changes);
    startTransition(() => {
      showQuery(withChanges(query, changes));
      router[mode](href, { scroll: false });
    });
  }

  return (
    <div className="mt-5 flex flex-wrap items-center gap-2" role="search" aria-label="Clients">
      <SearchField
        className="w-full sm:w-80"
        label="Search clients"
        placeholder="Search name, id, redirect URI, contact"
        value={query.q ?? ""}
        onSearch={(q) => go({ q: q || undefined }, "replace")}
        pending={pending}
        focusKey="/"
      />
      <ChoiceFilter label="Type" multiple choices={clientKinds} chosen={query.kinds} labelOf={(k) => clientKindLabels[k]} onChange={(kinds) => go({ kinds })} />
      <ChoiceFilter
        label="Auth method"
        multiple
        choices={tokenEndpointAuthMethods}
        chosen={query.authMethods}
        labelOf={authMethodLabel}
        onChange={(authMethods) => go({ authMethods })}
        contentClassName="w-80"
      />
      <ChoiceFilter label="Grant type" multiple choices={grantTypes} chosen={query.grantTypes} labelOf={grantTypeLabel} onChange={(grantTypes) => go({ grantTypes })} contentClassName="w-72" />
      <CreatedFilter query={query} go={go} />
      {isFiltered(query) && (
        <Button variant="ghost" size="sm" onClick={() => go(noFilters)}>
          Clear filters
        </Button>
      )}
      <label className="ml-auto flex items-center gap-2 text-[13px] text-zinc-600 dark:text-zinc-400">
        Sort
        <select
          value={`${query.sort}:${query.order}`}
          onChange={(event) => {
            const [sort, order] = event.target.value.split(":") as [ClientSort, SortOrder];
            go({ sort, order: order ?? defaultOrder[sort] });
          }}
          className={cn(fieldClassName, "h-8 w-auto cursor-pointer pr-8 text-[13px]")}
        >
          {sortChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function CreatedFilter({ query, go }: { query: ClientListQuery; go: (changes: Partial<ClientListQuery>) => void }) {
  const summary = query.created ? createdRanges[query.created] : dateRangeSummary(query.createdFrom, query.createdTo);
  return (
    <FilterChip label="Created" summary={summary} onClear={() => go({ created: undefined, createdFrom: undefined, createdTo: undefined })}>
      {(Object.keys(createdRanges) as CreatedRange[]).map((range) => (
        <FilterOption key={range} type="radio" name="created" checked={query.created === range} onChange={() => go({ created: range, createdFrom: undefined, createdTo: undefined })}>
          {createdRanges[range]}
        </FilterOption>
      ))}
      <div className="mt-1 grid gap-2 border-t border-zinc-200 px-2 pt-2.5 pb-1.5 dark:border-zinc-800">
        <span className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Between</span>
        <DateRangeForm id="created" from={query.createdFrom} to={query.createdTo} onApply={(createdFrom, createdTo) => go({ created: undefined, createdFrom, createdTo })} />
      </div>
    </FilterChip>
  );
}
