"use client";

import { useRouter } from "next/navigation";
import type { ComponentProps, MouseEvent } from "react";

/**
 * A link in a long list (the clients list's names, the audit log's clients): navigates in the page like
 * next/link, and is prefetched once the pointer or the keyboard focus is on it, not when it scrolls into view
 * (fifty rows would prefetch fifty pages on every view of the list). A plain anchor with the App Router's
 * push and prefetch, without next/link's per-link machinery (link status, viewport observer, merged refs),
 * which every row would render for features a row's link does not use (docs/BENCHMARKS.md, Design notes).
 * Clicks the browser should handle (new tab or window, download, a modifier key) are left to it; a page's
 * leave guard (UnsavedChangesGuard) sees the click first, as it does next/link's.
 */
export function HoverPrefetchLink({ href, onClick, onMouseEnter, onFocus, ...props }: ComponentProps<"a"> & { href: string }) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <a
      {...props}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (!navigatesInPage(event)) return;
        event.preventDefault();
        router.push(href);
      }}
      onMouseEnter={(event) => {
        prefetch();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
    />
  );
}

function navigatesInPage(event: MouseEvent<HTMLAnchorElement>): boolean {
  const { currentTarget: link } = event;
  return !event.defaultPrevented && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && (!link.target || link.target === "_self") && !link.hasAttribute("download");
}
