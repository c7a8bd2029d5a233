import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { TopBar, type Breadcrumb } from "./top-bar";

/**
 * The frame of one console page, rendered by every page under app/(console): its top bar with the
 * breadcrumb trail (`[{ label: "Clients", href: servicePath(serviceId, "/clients") }, { label: client.name }]`) above its content.
 */
export function ConsolePage({ breadcrumbs, children, className }: { breadcrumbs: Breadcrumb[]; children: ReactNode; className?: string }) {
  return (
    <>
      <TopBar breadcrumbs={breadcrumbs} />
      <div className={cn("mx-auto w-full max-w-7xl flex-1 px-4 py-6 lg:px-8", className)}>{children}</div>
    </>
  );
}
