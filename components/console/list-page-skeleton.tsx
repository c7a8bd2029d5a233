import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { ConsolePage } from "./console-page";

/**
 * A list page while it loads: its breadcrumb, a title and description, an action button if it has one, the
 * toolbar's fields and chips (`toolbar`: one width class each) and the table's own skeleton (`children`).
 */
export function ListPageSkeleton({ breadcrumb, action = false, toolbar, children }: { breadcrumb: string; action?: boolean; toolbar: string[]; children: ReactNode }) {
  return (
    <ConsolePage breadcrumbs={[{ label: breadcrumb }]}>
      <div className="flex items-start justify-between gap-4">
        <div className="grid gap-2">
          <Skeleton className="h-7 w-44" />
          <Skeleton className="h-5 w-[28rem] max-w-full" />
        </div>
        {action && <Skeleton className="h-9 w-36" />}
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-2">
        {toolbar.map((width, i) => (
          <Skeleton key={i} className={cn("h-8", width)} />
        ))}
      </div>
      {children}
    </ConsolePage>
  );
}
