"use client";

import { Dialog as DialogPrimitive, VisuallyHidden } from "radix-ui";
import type { ReactNode } from "react";
import { DialogOverlay } from "@/components/ui/dialog";

/** The drawer itself (Radix dialog), loaded the first time the drawer opens; see nav-drawer.tsx. */
export function NavDrawerDialog({ open, onOpenChange, children }: { open: boolean; onOpenChange: (open: boolean) => void; children: ReactNode }) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
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
