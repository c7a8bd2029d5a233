"use client";

import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from "react";

/**
 * A part of a page whose code is fetched the first time it renders (React.lazy), in its own Suspense boundary.
 * Render it only once it is wanted (a dialog from its first opening, see `useOpenedOnce`; a later step of a
 * flow), so that its code stays out of the page's first load.
 */
export function onDemand<Props extends object>(load: () => Promise<ComponentType<Props>>, fallback: ReactNode = null): ComponentType<Props> {
  const Part = lazy(async () => ({ default: await load() }));
  function OnDemand(props: Props) {
    return (
      <Suspense fallback={fallback}>
        <Part {...props} />
      </Suspense>
    );
  }
  return OnDemand;
}

/**
 * True from the first time `open` is true on: a dialog loaded on demand is rendered from then on, so that it
 * closes (and keeps its state) like one that was always there.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

/**
 * A hook that gives the module `load` fetches just after the page (after hydration), undefined until it has
 * arrived; it is fetched once, for every component that uses the hook (again on the next mount if it failed).
 * The server and the hydration render without it, so what is rendered with it must look like what was
 * rendered before it came.
 */
export function afterPage<Module>(load: () => Promise<Module>): () => Module | undefined {
  let loaded: Module | undefined;
  let loading: Promise<Module> | undefined;
  return function useAfterPage() {
    const [module, setModule] = useState<Module | undefined>(loaded);
    useEffect(() => {
      if (module) return;
      let mounted = true;
      loading ??= load().then((arrived) => (loaded = arrived));
      loading.then(
        (arrived) => mounted && setModule(() => arrived),
        () => (loading = undefined),
      );
      return () => {
        mounted = false;
      };
    }, [module]);
    return module;
  };
}
