"use client";

import { Tooltip as TooltipPrimitive } from "radix-ui";
import { useSyncExternalStore, type ComponentProps } from "react";
import { cn } from "@/lib/cn";
import type { TooltipProps } from "./tooltip";

// Radix's tooltip, loaded just after the page by tooltip.tsx.

function TooltipContent({ className, sideOffset = 6, ...props }: ComponentProps<typeof TooltipPrimitive.Content>) {
  return (
    <TooltipPrimitive.Portal>
      <TooltipPrimitive.Content
        sideOffset={sideOffset}
        className={cn(
          "z-50 max-w-xs rounded-md bg-zinc-900 px-2 py-1 text-xs text-zinc-50 shadow-md data-[state=delayed-open]:animate-fade-in",
          "dark:bg-zinc-100 dark:text-zinc-900",
          className,
        )}
        {...props}
      />
    </TooltipPrimitive.Portal>
  );
}

const delay = 300;

// Radix's provider opens a tooltip at once while another one is open or was closed less than `delay` ago.
// Each tooltip here has a provider of its own (there is none above the page, which renders before this code
// arrives), so they share that state here instead.
let skipDelay = false;
let skipTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
function setSkipDelay(value: boolean) {
  skipDelay = value;
  for (const listener of listeners) listener();
}
function onOpenChange(open: boolean) {
  clearTimeout(skipTimer);
  if (open) setSkipDelay(true);
  else skipTimer = setTimeout(() => setSkipDelay(false), delay);
}

export function TooltipPopup({ content, children, side }: TooltipProps) {
  const skip = useSyncExternalStore(subscribe, () => skipDelay, () => false);
  return (
    <TooltipPrimitive.Provider delayDuration={skip ? 0 : delay} skipDelayDuration={0}>
      <TooltipPrimitive.Root onOpenChange={onOpenChange}>
        <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
        <TooltipContent side={side}>{content}</TooltipContent>
      </TooltipPrimitive.Root>
    </TooltipPrimitive.Provider>
  );
}
