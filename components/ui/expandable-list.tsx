"use client";

import { ChevronDown, ChevronUp } from "lucide-react";
import { Children, useId, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A list that shows its first `initial` items and a "Show all N" button for the rest. */
export function ExpandableList({ children, initial = 5, className }: { children: ReactNode; initial?: number; className?: string }) {
  const items = Children.toArray(children);
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const hidden = items.length - initial;
  return (
    <>
      <ul id={id} className={cn("grid gap-1.5", className)}>
        {expanded || hidden <= 0 ? items : items.slice(0, initial)}
      </ul>
      {hidden > 0 && (
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded(!expanded)}
          className="mt-2 inline-flex cursor-pointer items-center gap-1 rounded-sm text-[13px] font-medium text-accent-700 hover:text-accent-900 dark:text-accent-400 dark:hover:text-accent-300"
        >
          {expanded ? <ChevronUp className="size-3.5" aria-hidden /> : <ChevronDown className="size-3.5" aria-hidden />}
          {expanded ? "Show fewer" : `Show all ${items.length}`}
        </button>
      )}
    </>
  );
}
