"use client";

import { ThemeProvider } from "next-themes";
import type { ReactNode } from "react";
import { Toaster } from "@/components/ui/toaster";

export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    // The theme is a class on <html> (globals.css: `@custom-variant dark`); "system" follows the OS.
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
      <Toaster />
    </ThemeProvider>
  );
}
