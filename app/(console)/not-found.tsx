import type { Metadata } from "next";
import { FileQuestion } from "lucide-react";
import { ServiceLink } from "@/components/console/service-link";
import { RouteState } from "@/components/console/route-state";
import { buttonClassName } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

// notFound() from a console page outside /clients (whose own view names the unknown client) keeps the frame around this view.
export default function ConsoleNotFound() {
  return (
    <RouteState
      breadcrumb="Not found"
      icon={FileQuestion}
      title="Nothing here"
      description="What this address pointed to does not exist, or was deleted."
      actions={
        <ServiceLink path="/clients" className={buttonClassName({ variant: "secondary" })}>
          Back to clients
        </ServiceLink>
      }
    />
  );
}
