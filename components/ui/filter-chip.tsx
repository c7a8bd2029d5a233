"use client";

import * as chevronDownIcon from "lucide-react/icons/chevron-down";
import * as plusCircleIcon from "lucide-react/icons/circle-plus";
import * as xIcon from "lucide-react/icons/x";
import { lazy, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { AfterHydration } from "./after-hydration";
import { lightIcon } from "@/components/ui/light-icon";

// Light icons: the console's frame and the clients list render these on every page.
const ChevronDown = lightIcon(chevronDownIcon);
const PlusCircle = lightIcon(plusCircleIcon);
const X = lightIcon(xIcon);

// The popover's code (Radix) arrives just after the page, not with it; meanwhile the chip is inert.
const FilterPopover = lazy(() => import("./filter-popover").then((m) => ({ default: m.FilterPopover })));

/**
 * A filter of a list toolbar: a dashed "+ Type" chip while unset; once set, "Type: Web, Native" with a button
 * that clears it. The popover holds the filter's choices (`children`).
 */
export function FilterChip({ label, summary, onClear, children, contentClassName }: { label: string; summary?: string; onClear: () => void; children: ReactNode; contentClassName?: string }) {
  const active = Boolean(summary);
  const trigger = (inert: boolean) => (
    <button type="button" aria-disabled={inert || undefined} className="inline-flex h-full max-w-64 cursor-pointer items-center gap-1.5 rounded-md px-2.5 font-medium">
      {!active && <PlusCircle className="size-3.5 shrink-0 text-zinc-400" aria-hidden />}
      <span className="truncate">
        {label}
        {active && <span className="font-normal">: {summary}</span>}
      </span>
      {active && <ChevronDown className="size-3.5 shrink-0 opacity-60" aria-hidden />}
    </button>
  );
  return (
    <div
      className={cn(
        "inline-flex h-8 items-center rounded-md text-[13px] transition-colors",
        active
          ? "border border-accent-200 bg-accent-50 text-accent-800 dark:border-accent-800 dark:bg-accent-950 dark:text-accent-200"
          : "border border-dashed border-zinc-300 text-zinc-700 hover:border-zinc-400 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:border-zinc-600 dark:hover:bg-zinc-900",
      )}
    >
      <AfterHydration fallback={trigger(true)}>
        <FilterPopover trigger={trigger(false)} label={`Filter by ${label.toLowerCase()}`} className={cn("w-64 p-1.5", contentClassName)}>
          {children}
        </FilterPopover>
      </AfterHydration>
      {active && (
        <button
          type="button"
          onClick={onClear}
          aria-label={`Clear the ${label.toLowerCase()} filter`}
          className="mr-1 inline-flex size-6 cursor-pointer items-center justify-center rounded text-accent-700 hover:bg-accent-100 dark:text-accent-300 dark:hover:bg-accent-900"
        >
          <X className="size-3.5" aria-hidden />
        </button>
      )}
    </div>
  );
}

/** One choice in a filter's popover: a checkbox (several may be chosen) or a radio button (one). */
export function FilterOption({
  type = "checkbox",
  name,
  checked,
  onChange,
  children,
  hint,
}: {
  type?: "checkbox" | "radio";
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  hint?: string;
}) {
  return (
    <label className="flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-1.5 text-[13px] text-zinc-800 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800">
      <input type={type} name={name} checked={checked} onChange={(event) => onChange(event.target.checked)} className="size-3.5 shrink-0 accent-accent-600" />
      <span className="min-w-0 flex-1 truncate">{children}</span>
      {hint && <span className="shrink-0 font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{hint}</span>}
    </label>
  );
}

/**
 * A filter chip whose choices are checkboxes (any of several, `multiple`) or radio buttons (one). It reports
 * the values chosen after each click; clearing reports none.
 */
export function ChoiceFilter<T extends string>({
  label,
  choices,
  chosen,
  labelOf,
  hintOf,
  onChange,
  multiple = false,
  contentClassName,
}: {
  label: string;
  choices: readonly T[];
  chosen: readonly T[];
  labelOf: (value: T) => string;
  hintOf?: (value: T) => string;
  onChange: (chosen: T[]) => void;
  multiple?: boolean;
  contentClassName?: string;
}) {
  const name = label.toLowerCase().replace(/\W+/g, "-");
  return (
    <FilterChip label={label} summary={chosen.map(labelOf).join(", ")} onClear={() => onChange([])} contentClassName={contentClassName}>
      {choices.map((value) => (
        <FilterOption
          key={value}
          type={multiple ? "checkbox" : "radio"}
          name={name}
          checked={chosen.includes(value)}
          hint={hintOf?.(value)}
          onChange={(on) => onChange(multiple ? (on ? [...chosen, value] : chosen.filter((v) => v !== value)) : [value])}
        >
          {labelOf(value)}
        </FilterOption>
      ))}
    </FilterChip>
  );
}
