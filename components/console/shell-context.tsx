"use client";

import { createContext, use, useMemo, useState, type ReactNode } from "react";

type ConsoleShell = {
  /** The navigation drawer of narrow windows. */
  navOpen: boolean;
  setNavOpen: (open: boolean) => void;
  paletteOpen: boolean;
  setPaletteOpen: (open: boolean) => void;
};

const ConsoleShellContext = createContext<ConsoleShell | null>(null);

/** Lets the top bar of any page open the layout's navigation drawer and command palette. */
export function ConsoleShellProvider({ children }: { children: ReactNode }) {
  const [navOpen, setNavOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const value = useMemo(() => ({ navOpen, setNavOpen, paletteOpen, setPaletteOpen }), [navOpen, paletteOpen]);
  return <ConsoleShellContext value={value}>{children}</ConsoleShellContext>;
}

export function useConsoleShell(): ConsoleShell {
  const shell = use(ConsoleShellContext);
  if (!shell) throw new Error("useConsoleShell outside ConsoleShellProvider (app/(console)/layout.tsx)");
  return shell;
}
