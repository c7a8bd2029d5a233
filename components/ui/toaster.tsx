"use client";

import { useTheme } from "next-themes";
import { Toaster as Sonner } from "sonner";

/** Outcome toasts ("Saved as revision 7"), in the current theme. Rendered once, in the root layout. */
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return (
    <Sonner
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      position="bottom-right"
      closeButton
      toastOptions={{ classNames: { toast: "text-sm font-sans" } }}
    />
  );
}
