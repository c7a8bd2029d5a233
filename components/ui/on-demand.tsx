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
 * A module fetched only once it is wanted: `useModule(wanted)` gives it, undefined until it has arrived, and starts
 * fetching it the first time `wanted` is true; `preload()` starts fetching it ahead of need (on a sign of intent).
 * It is fetched once for every component (again on the next attempt if it failed). The server and the hydration
 * render without it, so what is rendered with it must look like what was rendered before it came.
 */
export function onDemandModule<Module>(load: () => Promise<Module>): { useModule: (wanted: boolean) => Module | undefined; preload: () => Promise<Module> } {
  let loaded: Module | undefined;
  let loading: Promise<Module> | undefined;
  const preload = () => {
    loading ??= load().then(
      (arrived) => (loaded = arrived),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  function useModule(wanted: boolean) {
    const [module, setModule] = useState<Module | undefined>(loaded);
    useEffect(() => {
      if (module || !wanted) return;
      let mounted = true;
      preload().then(
        (arrived) => mounted && setModule(() => arrived),
        () => undefined,
      );
      return () => {
        mounted = false;
      };
    }, [module, wanted]);
    return module;
  }
  return { useModule, preload };
}
