"use client";

import * as chevronRightIcon from "lucide-react/icons/chevron-right";
import * as menuIcon from "lucide-react/icons/menu";
import * as searchIcon from "lucide-react/icons/search";
import Link from "next/link";
import { useSyncExternalStore, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useConsoleShell } from "./shell-context";
import { lightIcon } from "@/components/ui/light-icon";

// Light icons: the console's frame and the clients list render these on every page.
const ChevronRight = lightIcon(chevronRightIcon);
const Menu = lightIcon(menuIcon);
const Search = lightIcon(searchIcon);

export type Breadcrumb = { label: ReactNode; href?: string };

const subscribeNothing = () => () => {};
const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The bar at the top of every console page: the menu button (narrow windows), the breadcrumb trail
 * (`Clients / Acme Portal / Edit`; the last item is the current page) and the command-palette trigger.
 */
export function TopBar({ breadcrumbs }: { breadcrumbs: Breadcrumb[] }) {
  const { setNavOpen, setPaletteOpen } = useConsoleShell();
  const apple = useSyncExternalStore(subscribeNothing, isApple, () => false);
  return (
    <header className="sticky top-0 z-30 flex h-14 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white/85 px-4 backdrop-blur supports-[backdrop-filter]:bg-white/70 lg:px-6 dark:border-zinc-800 dark:bg-zinc-950/85 dark:supports-[backdrop-filter]:bg-zinc-950/70">
      <Button variant="ghost" size="icon-sm" className="-ml-1.5 lg:hidden" aria-label="Open navigation" onClick={() => setNavOpen(true)}>
        <Menu aria-hidden />
      </Button>
      <nav aria-label="Breadcrumb" className="min-w-0 flex-1">
        <ol className="flex items-center gap-1.5 text-sm">
          {breadcrumbs.map((crumb, index) => {
            const last = index === breadcrumbs.length - 1;
            return (
              <li key={index} className="flex min-w-0 items-center gap-1.5">
                {index > 0 && <ChevronRight className="size-3.5 shrink-0 text-zinc-400" aria-hidden />}
                <span className="min-w-0 truncate">
                  {crumb.href && !last ? (
                    <Link href={crumb.href} className="rounded-sm text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
                      {crumb.label}
                    </Link>
                  ) : (
                    <span aria-current={last ? "page" : undefined} className="font-medium text-zinc-900 dark:text-zinc-100">
                      {crumb.label}
                    </span>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      </nav>
      <button
        type="button"
        onClick={() => setPaletteOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        className="flex h-8 w-9 cursor-pointer items-center justify-center gap-2 rounded-md border border-zinc-200 bg-zinc-50 text-[13px] text-zinc-500 transition-colors hover:border-zinc-300 hover:text-zinc-800 sm:w-64 sm:justify-start sm:px-2.5 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-700 dark:hover:text-zinc-200"
      >
        <Search className="size-3.5 shrink-0" aria-hidden />
        <span className="sr-only sm:not-sr-only sm:flex-1 sm:text-left">Search or jump to…</span>
        <kbd className="hidden rounded border border-zinc-200 bg-white px-1.5 font-sans text-[11px] font-medium text-zinc-500 sm:inline dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-400">
          {apple ? "⌘K" : "Ctrl K"}
        </kbd>
      </button>
    </header>
  );
}
