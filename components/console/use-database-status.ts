"use client";

import { useEffect, useState } from "react";

export type DatabaseStatus = "unknown" | "ok" | "unreachable";

/**
 * Asks /api/health every few seconds while an error view is shown: the view can then say that the database
 * is unreachable (the server's error reaches the browser without its message) and recover by itself.
 */
export function useDatabaseStatus(intervalMs = 4_000): DatabaseStatus {
  const [status, setStatus] = useState<DatabaseStatus>("unknown");
  useEffect(() => {
    let stopped = false;
    const probe = async () => {
      try {
        const response = await fetch("/api/health", { cache: "no-store" });
        const body = (await response.json()) as { database?: string };
        if (!stopped) setStatus(body.database === "ok" ? "ok" : "unreachable");
      } catch {
        if (!stopped) setStatus("unreachable");
      }
    };
    void probe();
    const timer = setInterval(probe, intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [intervalMs]);
  return status;
}
