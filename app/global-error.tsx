"use client";

import { useEffect, useRef } from "react";
import { useDatabaseStatus } from "@/components/console/use-database-status";
import "./globals.css";

// The last resort, when even the console's frame could not be rendered (its layout reads the session from
// the database): a plain page that says what is wrong and recovers by itself.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const database = useDatabaseStatus();
  const wasUnreachable = useRef(false);
  useEffect(() => {
    if (database === "unreachable") wasUnreachable.current = true;
    // Back: load the page afresh from the server (the frame itself failed, so there is nothing to re-render).
    if (database === "ok" && wasUnreachable.current) window.location.reload();
  }, [database]);
  const unreachable = database === "unreachable";
  return (
    <html lang="en">
      <body className="flex min-h-screen items-center justify-center bg-white p-6 font-sans text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
        <main className="max-w-md text-center">
          <h1 className="text-xl font-semibold">{unreachable ? "Registrar cannot reach its database" : "Registrar could not show this page"}</h1>
          <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
            {unreachable
              ? "Nothing was changed. This page comes back by itself as soon as the database answers again."
              : "Something went wrong on the server. If it keeps happening, report the event id below."}
          </p>
          {error.digest && <p className="mt-3 font-mono text-[13px]">Event {error.digest}</p>}
          <button type="button" onClick={() => (unreachable ? window.location.reload() : reset())} className="mt-6 rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white dark:bg-white dark:text-zinc-900">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
