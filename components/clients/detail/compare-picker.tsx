"use client";

import { GitCompareArrows } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fieldClassName } from "@/components/ui/input";
import { cn } from "@/lib/cn";

/** Picks two revisions and opens their comparison (`?tab=history&compare=3..7`). */
export function ComparePicker({ basePath, versions, from, to }: { basePath: string; versions: number[]; from: number; to: number }) {
  const router = useRouter();
  const [older, setOlder] = useState(from);
  const [newer, setNewer] = useState(to);
  const select = (id: string, label: string, value: number, onChange: (v: number) => void) => (
    <span className="flex items-center gap-2">
      <label htmlFor={id} className="text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))} className={cn(fieldClassName, "h-8 w-auto cursor-pointer text-[13px]")}>
        {versions.map((v) => (
          <option key={v} value={v}>
            Version {v}
          </option>
        ))}
      </select>
    </span>
  );
  return (
    <form
      method="post"
      className="flex flex-wrap items-center gap-3 text-[13px]"
      onSubmit={(event) => {
        event.preventDefault();
        router.push(`${basePath}?tab=history&compare=${older}..${newer}`, { scroll: false });
      }}
    >
      {select("compare-from", "Compare", older, setOlder)}
      {select("compare-to", "with", newer, setNewer)}
      <Button type="submit" size="sm" variant="secondary" disabled={older === newer}>
        <GitCompareArrows aria-hidden />
        Compare
      </Button>
    </form>
  );
}
