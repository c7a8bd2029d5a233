"use client";

import { useSyncExternalStore, type ComponentType } from "react";

const subscribe = () => () => {};
const inBrowser = () => true;
const onServer = () => false;

/**
 * A route's loading skeleton (its loading.tsx), shown while the console navigates in the browser. A document
 * request renders nothing in its place: the server streams the page itself right after, so a skeleton
 * rendered there would be sent only to be replaced before anyone saw it, at a cost to every page's server
 * time (docs/BENCHMARKS.md, Design notes).
 */
export function navigationSkeleton(Skeleton: ComponentType): ComponentType {
  function NavigationSkeleton() {
    return useSyncExternalStore(subscribe, inBrowser, onServer) ? <Skeleton /> : null;
  }
  NavigationSkeleton.displayName = `NavigationSkeleton(${Skeleton.displayName ?? Skeleton.name})`;
  return NavigationSkeleton;
}
