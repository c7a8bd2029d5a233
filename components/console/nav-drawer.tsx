"use client";

import { useEffect, type ReactNode } from "react";
import { onDemand, useOpenedOnce } from "@/components/ui/on-demand";
import { useConsoleShell } from "./shell-context";

const wide = "(min-width: 1024px)";

// Wide windows never open the drawer: its dialog code loads the first time it is opened.
const NavDrawerDialog = onDemand(() => import("./nav-drawer-dialog").then((m) => m.NavDrawerDialog));

/** Below 1024 px the sidebar lives in this drawer, opened by the top bar's menu button. */
export function NavDrawer({ children }: { children: ReactNode }) {
  const { navOpen, setNavOpen } = useConsoleShell();
  const opened = useOpenedOnce(navOpen);

  // Widening the window shows the fixed sidebar; a drawer left open would sit on top of it.
  useEffect(() => {
    const query = window.matchMedia(wide);
    const close = () => query.matches && setNavOpen(false);
    query.addEventListener("change", close);
    return () => query.removeEventListener("change", close);
  }, [setNavOpen]);

  if (!opened) return null;
  return (
    <NavDrawerDialog open={navOpen} onOpenChange={setNavOpen}>
      {children}
    </NavDrawerDialog>
  );
}
