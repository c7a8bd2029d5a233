import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { ConsolePage } from "./console-page";

/** A console page that is only a message and a way on: the error, 403 and not-found views. */
export function RouteState({
  breadcrumb,
  icon,
  title,
  description,
  actions,
}: {
  breadcrumb: string;
  icon: LucideIcon;
  title: string;
  description: ReactNode;
  actions: ReactNode;
}) {
  return (
    <ConsolePage breadcrumbs={[{ label: breadcrumb }]}>
      <EmptyState titleAs="h1" icon={icon} title={title} description={description}>
        {actions}
      </EmptyState>
    </ConsolePage>
  );
}
