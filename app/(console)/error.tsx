"use client";

import { DatabaseZap, TriangleAlert } from "lucide-react";
import { ServiceLink } from "@/components/console/service-link";
import { useRouter } from "next/navigation";
import { startTransition, useCallback, useEffect, useRef } from "react";
import { RouteState } from "@/components/console/route-state";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { useDatabaseStatus } from "@/components/console/use-database-status";

// Server errors reach the browser without their message (only a digest); the digest is the event id
// under which the server logged the error, so it is what an administrator quotes in a report.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const database = useDatabaseStatus();
  const wasUnreachable = useRef(false);
  // A server error is only mended by rendering the page again on the server: fetch it, and leave the error
  // view when it has arrived (in one transition; reset alone would show the payload that failed again).
  const retry = useCallback(
    () =>
      startTransition(() => {
        router.refresh();
        reset();
      }),
    [reset, router],
  );
  useEffect(() => {
    if (database === "unreachable") wasUnreachable.current = true;
    // The database is back: show the page again without the administrator having to do anything.
    if (database === "ok" && wasUnreachable.current) {
      wasUnreachable.current = false;
      retry();
    }
  }, [database, retry]);
  if (database === "unreachable")
    return (
      <RouteState
        breadcrumb="Unavailable"
        icon={DatabaseZap}
        title="Registrar cannot reach its database"
        description="Nothing was changed. This page comes back by itself as soon as the database answers again."
        actions={<Button onClick={retry}>Try again now</Button>}
      />
    );
  return (
    <RouteState
      breadcrumb="Error"
      icon={TriangleAlert}
      title="This page could not be shown"
      description={
        error.digest ? (
          <>
            Something went wrong on the server. If it keeps happening, report this event id:
            <span className="mt-3 flex items-center justify-center gap-1 font-mono text-[13px] text-zinc-800 dark:text-zinc-200">
              {error.digest}
              <CopyButton value={error.digest} label="Copy the event id" />
            </span>
          </>
        ) : (
          "Something went wrong in the browser. Try again, or reload the page."
        )
      }
      actions={
        <>
          <Button onClick={retry}>Try again</Button>
          <Button variant="secondary" asChild>
            <ServiceLink path="/clients">Back to clients</ServiceLink>
          </Button>
        </>
      }
    />
  );
}
