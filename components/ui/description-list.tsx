import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";

/** Terms and their values, one pair a row: the term in a narrow column, the value beside it (stacked when narrow). */
export function DescriptionList({ className, ...props }: ComponentProps<"dl">) {
  return <dl className={cn("grid gap-y-2.5 text-[13px]", className)} {...props} />;
}

export function DescriptionItem({ term, children, className }: { term: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={cn("grid gap-x-4 gap-y-0.5 sm:grid-cols-[10rem_minmax(0,1fr)]", className)}>
      <dt className="text-zinc-500 dark:text-zinc-400">{term}</dt>
      <dd className="min-w-0 break-words text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}
