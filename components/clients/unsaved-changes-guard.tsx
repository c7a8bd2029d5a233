"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { armBackGuard, backInHistory, disarmBackGuard, isLeavingOnPurpose, onGuardEntry, setLeaveGuard } from "@/components/console/leave-guard";
import { onDemand, useOpenedOnce } from "@/components/ui/on-demand";
import { servicePath } from "@/lib/console-paths";

// The dialog loads the first time a link is followed with unsaved changes.
const UnsavedChangesDialog = onDemand(() => import("./unsaved-changes-dialog").then((m) => m.UnsavedChangesDialog));

/**
 * Asks before unsaved changes are lost: the browser's own prompt when the page is closed or reloaded, and a
 * dialog when a link inside the console is followed, the command palette navigates, or Back is pressed (the
 * App Router has no navigation event to hook; Back is caught by the guard's history entry, see leave-guard.ts).
 */
export function UnsavedChangesGuard({ dirty, fallback: given }: { dirty: boolean; fallback?: string }) {
  const serviceId = useServiceId();
  const fallback = given ?? servicePath(serviceId, "/clients");
  // Where the administrator was going: a page of the console, or back in history.
  const [pendingHref, setPendingHref] = useState<string | null>(null);
  // The latest `dirty` for the effect's cleanup (layout effects run before it): clean again, rather than
  // unmounted or leaving, takes the guard's entry away.
  const dirtyNow = useRef(dirty);
  useLayoutEffect(() => {
    dirtyNow.current = dirty;
  });

  useEffect(() => {
    if (!dirty) return;
    armBackGuard();
    const page = window.location.href;
    function onPopState() {
      // Back from the guard's entry lands on the page's own: same page, same form. Ask; staying re-arms the guard.
      if (isLeavingOnPurpose() || onGuardEntry() || window.location.href !== page) return;
      setPendingHref(backInHistory);
    }
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (isLeavingOnPurpose()) return;
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
    window.addEventListener("popstate", onPopState);
    window.addEventListener("click", onClick, true); // before next/link's handler
    setLeaveGuard((href) => {
      setPendingHref(href);
      return true;
    });
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("popstate", onPopState);
      window.removeEventListener("click", onClick, true);
      setLeaveGuard(null);
      if (!dirtyNow.current) disarmBackGuard();
    };
  }, [dirty]);

  const opened = useOpenedOnce(pendingHref !== null);
  return opened ? (
    <UnsavedChangesDialog
      href={pendingHref}
      onStay={() => {
        if (pendingHref === backInHistory) armBackGuard();
        setPendingHref(null);
      }}
      onLeave={() => setPendingHref(null)}
      fallback={fallback}
    />
  ) : null;
}
