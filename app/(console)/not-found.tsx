import type { Metadata } from "next";
import { FileQuestion } from "lucide-react";
import Link from "next/link";
import { RouteState } from "@/components/console/route-state";
import { buttonClassName } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

// notFound() from a console page outside a service's clients (whose own view names the unknown client) keeps the
// frame around this view; so does a service that does not exist or is not the administrator's to see, whose
// pages are no way back: the link goes to the console's home.
export default function ConsoleNotFound() {
  return (
    <RouteState
      breadcrumb="Not found"
      icon={FileQuestion}
      title="Nothing here"
      description="What this address pointed to does not exist, or was deleted."
      actions={
        <Link href="/" className={buttonClassName({ variant: "secondary" })}>
          Back to the console
        </Link>
      }
    />
  );
}
