import { FileQuestion } from "lucide-react";
import Link from "next/link";
import { ConsolePage } from "@/components/console/console-page";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

// notFound() from a console page (an unknown client id) keeps the frame around this view.
export default function ConsoleNotFound() {
  return (
    <ConsolePage breadcrumbs={[{ label: "Not found" }]}>
      <EmptyState
        titleAs="h1"
        icon={FileQuestion}
        title="Nothing here"
        description="What this address pointed to does not exist, or was deleted."
      >
        <Link href="/clients" className={buttonClassName({ variant: "secondary" })}>
          Back to clients
        </Link>
      </EmptyState>
    </ConsolePage>
  );
}
