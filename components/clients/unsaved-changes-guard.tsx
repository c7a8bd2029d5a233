"use client";

import { useEffect, useState } from "react";
import { setLeaveGuard } from "@/components/console/leave-guard";
import { onDemand, useOpenedOnce } from "@/components/ui/on-demand";

// The dialog loads the first time a link is followed with unsaved changes.
const UnsavedChangesDialog = onDemand(() => import("./unsaved-changes-dialog").then((m) => m.UnsavedChangesDialog));

/**
 * Asks before unsaved changes are lost: the browser's own prompt when the page is closed or reloaded, and a
 * dialog when a link inside the console is followed or the command palette navigates (the App Router has no
 * navigation event to hook).
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const [pendingHref, setPendingHref] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return;
    function onBeforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
      event.returnValue = "";
    }
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank" || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return; // leaving the console: beforeunload asks
      if (url.pathname === window.location.pathname && url.search === window.location.search) return; // a link within the page
      event.preventDefault();
      event.stopPropagation();
      setPendingHref(`${url.pathname}${url.search}${url.hash}`);
    }
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true); // before next/link's handler
    setLeaveGuard((href) => {
      setPendingHref(href);
      return true;
    });
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
      setLeaveGuard(null);
    };
  }, [dirty]);

  const opened = useOpenedOnce(pendingHref !== null);
  return opened ? <UnsavedChangesDialog href={pendingHref} onStay={() => setPendingHref(null)} /> : null;
}
