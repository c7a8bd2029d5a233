"use client";

import { Slot } from "radix-ui";
import { lazy, Suspense, useEffect, useRef, useState, type ReactElement, type ReactNode } from "react";

/** How long the pointer rests on an element before its tooltip shows. */
export const tooltipDelay = 300;

const RadixTooltip = lazy(() => import("./tooltip-radix"));

/**
 * A tooltip on one focusable child: shown when the pointer rests on it and on keyboard focus. Until then the
 * child is rendered alone and Radix's tooltip is neither loaded nor mounted: a list of a hundred times sends
 * and renders a hundred plain elements, not a hundred popper roots.
 */
export function Tooltip({ content, children, side }: { content: ReactNode; children: ReactElement; side?: "top" | "right" | "bottom" | "left" }) {
  const [shownBy, setShownBy] = useState<"pointer" | "focus" | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  if (shownBy)
    return (
      <Suspense fallback={children}>
        <RadixTooltip content={content} side={side} refocus={shownBy === "focus"}>
          {children}
        </RadixTooltip>
      </Suspense>
    );
  return (
    <Slot.Root
      onPointerEnter={() => {
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => setShownBy("pointer"), tooltipDelay);
      }}
      onPointerLeave={() => window.clearTimeout(timer.current)}
      onFocus={(event) => {
        if (event.target.matches(":focus-visible")) setShownBy("focus");
      }}
    >
      {children}
    </Slot.Root>
  );
}
