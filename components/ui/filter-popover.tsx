"use client";

import type { ReactElement, ReactNode } from "react";
import { Popover, PopoverContent, PopoverTrigger } from "./popover";

/** A filter chip's popover (Radix), loaded just after the page; see filter-chip.tsx. */
export function FilterPopover({ trigger, label, className, children }: { trigger: ReactElement; label: string; className?: string; children: ReactNode }) {
  return (
    <Popover>
      <PopoverTrigger asChild>{trigger}</PopoverTrigger>
      <PopoverContent className={className} aria-label={label}>
        {children}
      </PopoverContent>
    </Popover>
  );
}
