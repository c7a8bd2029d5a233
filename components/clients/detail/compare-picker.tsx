"use client";

import { GitCompareArrows } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldClassName } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { clientHistoryPath } from "@/lib/console-paths";

/**
 * Picks two versions (1 to `latest`, typed: a client may have thousands) and opens their comparison
 * (`?tab=history&compare=3..7`), on the page of revisions the history shows (`before`).
 */
export function ComparePicker({ serviceId, clientId, before, latest, from, to }: { serviceId: string; clientId: string; before?: number; latest: number; from: number; to: number }) {
  const router = useRouter();
  const [older, setOlder] = useState(String(from));
  const [newer, setNewer] = useState(String(to));
  const valid = (value: string) => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= latest;
  const field = (id: string, label: string, value: string, onChange: (v: string) => void) => (
    <span className="flex items-center gap-2">
      <label htmlFor={id} className="text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={latest}
        step={1}
        required
        value={value}
        aria-describedby="compare-range"
        onChange={(event) => onChange(event.target.value)}
        className={cn(fieldClassName, "h-8 w-24 text-[13px] tabular-nums")}
      />
    </span>
  );
  return (
    <form
      method="post"
      className="flex flex-wrap items-center gap-3 text-[13px]"
      onSubmit={(event) => {
        event.preventDefault();
        router.push(clientHistoryPath(serviceId, clientId, { before, compare: [Number(older), Number(newer)] }), { scroll: false });
      }}
    >
      {field("compare-from", "Compare version", older, setOlder)}
      {field("compare-to", "with version", newer, setNewer)}
      <Button type="submit" size="sm" variant="secondary" disabled={!valid(older) || !valid(newer) || Number(older) === Number(newer)}>
        <GitCompareArrows aria-hidden />
        Compare
      </Button>
      <span id="compare-range" className="text-zinc-500 dark:text-zinc-400">
        Versions 1 to {latest.toLocaleString("en")}
      </span>
    </form>
  );
}
