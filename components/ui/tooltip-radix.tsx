"use client";

import { Tooltip as TooltipPrimitive } from "radix-ui";
import type { ReactElement, ReactNode } from "react";
import { cn } from "@/lib/cn";
import { tooltipDelay } from "./tooltip";

/**
 * Radix's tooltip around one focusable child, mounted by Tooltip (tooltip.tsx) once the pointer rests on the
 * child or the keyboard focuses it. It opens at once (the resting was the delay); `refocus` gives the focus
 * back to the child, which was mounted anew.
 */
export default function RadixTooltip({
  content,
  children,
  side,
  refocus,
}: {
  content: ReactNode;
  children: ReactElement;
  side?: "top" | "right" | "bottom" | "left";
  refocus: boolean;
}) {
  return (
    <TooltipPrimitive.Provider delayDuration={tooltipDelay}>
      <TooltipPrimitive.Root defaultOpen>
        <TooltipPrimitive.Trigger
          asChild
          ref={(element: HTMLElement | null) => {
            if (refocus && element && document.activeElement !== element) element.focus();
          }}
        >
          {children}
        </TooltipPrimitive.Trigger>
        <TooltipPrimitive.Portal>
          <TooltipPrimitive.Content
            side={side}
            sideOffset={6}
            className={cn(
              "z-50 max-w-xs rounded-md bg-zinc-900 px-2 py-1 text-xs text-zinc-50 shadow-md data-[state=delayed-open]:animate-fade-in",
              "dark:bg-zinc-100 dark:text-zinc-900",
            )}
          >
            {content}
          </TooltipPrimitive.Content>
        </TooltipPrimitive.Portal>
      </TooltipPrimitive.Root>
    </TooltipPrimitive.Provider>
  );
}
