"use client";

import { useState } from "react";
import { Button } from "./button";
import { Input } from "./input";
import { Label } from "./label";

/** Two day fields (`YYYY-MM-DD`, either may stay empty) and an Apply button, for a filter's popover. */
export function DateRangeForm({ id, from: initialFrom, to: initialTo, onApply }: { id: string; from?: string; to?: string; onApply: (from?: string, to?: string) => void }) {
  const [from, setFrom] = useState(initialFrom ?? "");
  const [to, setTo] = useState(initialTo ?? "");
  return (
    <form
      method="post"
      className="grid gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(from || undefined, to || undefined);
      }}
    >
      <div className="grid grid-cols-2 gap-2">
        <div className="grid gap-1">
          <Label htmlFor={`${id}-from`} className="text-xs">
            From
          </Label>
          <Input id={`${id}-from`} type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} className="h-8 px-2 text-xs" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={`${id}-to`} className="text-xs">
            To
          </Label>
          <Input id={`${id}-to`} type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} className="h-8 px-2 text-xs" />
        </div>
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={!from && !to}>
        Apply range
      </Button>
    </form>
  );
}

/** "2026-01-01 to 2026-03-31", "2026-01-01 to today", "… to 2026-03-31"; undefined when neither is set. */
export const dateRangeSummary = (from?: string, to?: string) => (from || to ? `${from ?? "…"} to ${to ?? "today"}` : undefined);
