"use client";

import { cloneElement, lazy, Suspense, useEffect, useRef, useState, type DOMAttributes, type ReactElement, type ReactNode } from "react";

/** How long the pointer rests on an element before its tooltip shows. */
export const tooltipDelay = 300;

const RadixTooltip = lazy(() => import("./tooltip-radix"));

/**
 * A tooltip on one focusable child: shown when the pointer rests on it and on keyboard focus. Until then the
 * child is rendered alone and Radix's tooltip is neither loaded nor mounted: a list of a hundred times sends
 * and renders a hundred plain elements, not a hundred popper roots.
 */
export function Tooltip({
  content,
  children,
  side,
}: {
  /** What the tooltip says; a function when working it out costs something (it is called only when shown). */
  content: ReactNode | (() => ReactNode);
  children: ReactElement<DOMAttributes<Element>>;
  side?: "top" | "right" | "bottom" | "left";
}) {
  const [shownBy, setShownBy] = useState<"pointer" | "focus" | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  if (shownBy)
    return (
      <Suspense fallback={children}>
        <RadixTooltip content={typeof content === "function" ? content() : content} side={side} refocus={shownBy === "focus"}>
          {children}
        </RadixTooltip>
      </Suspense>
    );
  // The child gets the handlers itself (no wrapper element, no Slot: a list renders hundreds of these).
  const { onPointerEnter, onPointerLeave, onFocus } = children.props;
  const trigger: DOMAttributes<Element> = {
    onPointerEnter(event) {
      onPointerEnter?.(event);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setShownBy("pointer"), tooltipDelay);
    },
    onPointerLeave(event) {
      onPointerLeave?.(event);
      window.clearTimeout(timer.current);
    },
    onFocus(event) {
      onFocus?.(event);
      if ((event.target as Element).matches(":focus-visible")) setShownBy("focus");
    },
  };
  // The handlers read the timer ref when they run, never during render.
  // eslint-disable-next-line react-hooks/refs
  return cloneElement(children, trigger);
}
