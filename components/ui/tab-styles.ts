import { cn } from "@/lib/cn";

// The tab look shared by the Radix tabs (tabs.tsx) and the link tabs (link-tabs.tsx), kept outside both so
// that a server component can use it ("use client" modules hand server code references, not strings).

export const tabListClassName = "flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800";

export const tabClassName = cn(
  "-mb-px inline-flex h-9 shrink-0 cursor-pointer items-center gap-2 border-b-2 border-transparent px-3 text-sm font-medium whitespace-nowrap text-zinc-600",
  "hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
);

export const activeTabClassName = "border-accent-600 text-zinc-900 dark:border-accent-400 dark:text-zinc-50";
