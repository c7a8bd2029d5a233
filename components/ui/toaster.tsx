"use client";

import dynamic from "next/dynamic";
import { useTheme } from "next-themes";

// Loaded after the page, not with it: nothing is toasted before the first interaction (see toast.ts).
const Sonner = dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false });

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
