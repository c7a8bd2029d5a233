"use client";

import { Suspense, useSyncExternalStore, type ReactNode } from "react";

const subscribeNothing = () => () => {};

/**
 * Renders `fallback` on the server and while hydrating, then `children` (a React.lazy part, whose code is
 * fetched after the page's first load) with the same fallback until that code has arrived.
 */
export function AfterHydration({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const hydrated = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  return hydrated ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}
