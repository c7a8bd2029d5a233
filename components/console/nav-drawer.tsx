"use client";

import { Dialog as DialogPrimitive, VisuallyHidden } from "radix-ui";
import { useEffect, type ReactNode } from "react";
import { DialogOverlay } from "@/components/ui/dialog";
import { useConsoleShell } from "./shell-context";

const wide = "(min-width: 1024px)";

/** Below 1024 px the sidebar lives in this drawer, opened by the top bar's menu button. */
export function NavDrawer({ children }: { children: ReactNode }) {
  const { navOpen, setNavOpen } = useConsoleShell();

  // Widening the window shows the fixed sidebar; a drawer left open would sit on top of it.
  useEffect(() => {
    const query = window.matchMedia(wide);
    const close = () => query.matches && setNavOpen(false);
    query.addEventListener("change", close);
    return () => query.removeEventListener("change", close);
  }, [setNavOpen]);

  return (
    <DialogPrimitive.Root open={navOpen} onOpenChange={setNavOpen}>
      <DialogPrimitive.Portal>
        <DialogOverlay className="z-40 lg:hidden" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          onOpenAutoFocus={(event) => {
            // Start on the current page's link rather than the first control (which would pop its tooltip).
            const current = (event.currentTarget as HTMLElement).querySelector<HTMLElement>("[aria-current=page]");
            if (current) {
              event.preventDefault();
              current.focus();
            }
          }}
          className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] border-r border-zinc-200 bg-zinc-50 shadow-xl data-[state=open]:animate-slide-in-left lg:hidden dark:border-zinc-800 dark:bg-zinc-900"
        >
          <VisuallyHidden.Root>
            <DialogPrimitive.Title>Navigation</DialogPrimitive.Title>
          </VisuallyHidden.Root>
          {children}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
