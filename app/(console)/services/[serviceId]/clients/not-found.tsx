import type { Metadata } from "next";
import { SearchX } from "lucide-react";
import { ServiceLink } from "@/components/console/service-link";
import { RouteState } from "@/components/console/route-state";
import { buttonClassName } from "@/components/ui/button";

export const metadata: Metadata = { title: "Client not found" };

// An unknown client id, under any of its pages (the client layout answers 404). A deleted client keeps its page, with a banner.
export default function ClientNotFound() {
  return (
    <RouteState
      breadcrumb="Client not found"
      icon={SearchX}
      title="No client with this id"
      description="Check the client id: it may be mistyped or belong to another service."
      actions={
        <ServiceLink path="/clients" className={buttonClassName({ variant: "secondary" })}>
          Back to clients
        </ServiceLink>
      }
    />
  );
}
