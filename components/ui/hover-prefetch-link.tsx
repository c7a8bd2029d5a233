"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A link in a long list: prefetched once the pointer or the keyboard focus is on it, not when it scrolls into
 * view (fifty rows would prefetch fifty pages on every view of the list).
 */
export function HoverPrefetchLink({ onMouseEnter, onFocus, ...props }: Omit<ComponentProps<typeof Link>, "prefetch">) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
    />
  );
}
