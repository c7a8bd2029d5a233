"use client";

import { useEffect } from "react";
import { onDemand, useOpenedOnce } from "@/components/ui/on-demand";
import type { PaletteService, SearchClientsAction } from "./command-palette";
import { useConsoleShell } from "./shell-context";

// The palette (cmdk, its dialog) loads when it is first opened, not with every console page.
const CommandPalette = onDemand(() => import("./command-palette").then((m) => m.CommandPalette));

/** Ctrl/⌘-K toggles the command palette; the palette itself is fetched the first time it opens. */
export function CommandPaletteLoader({ searchClients, services }: { searchClients?: SearchClientsAction; services: readonly PaletteService[] }) {
  const { paletteOpen, setPaletteOpen } = useConsoleShell();
  const opened = useOpenedOnce(paletteOpen);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey) && !event.altKey) {
        event.preventDefault();
        setPaletteOpen(!paletteOpen);
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [paletteOpen, setPaletteOpen]);

  return opened ? <CommandPalette searchClients={searchClients} services={services} /> : null;
}
