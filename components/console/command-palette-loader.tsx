"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import type { SearchClientsAction } from "./command-palette";
import { useConsoleShell } from "./shell-context";

// The palette (cmdk, its dialog) loads when it is first opened, not with every console page.
const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), { ssr: false });

/** Ctrl/⌘-K toggles the command palette; the palette itself is fetched the first time it opens. */
export function CommandPaletteLoader({ searchClients }: { searchClients?: SearchClientsAction }) {
  const { paletteOpen, setPaletteOpen } = useConsoleShell();
  const [wanted, setWanted] = useState(false);
  if (paletteOpen && !wanted) setWanted(true);

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

  return wanted ? <CommandPalette searchClients={searchClients} /> : null;
}
