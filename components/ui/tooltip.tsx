"use client";

import type { ReactNode } from "react";
import { afterPage } from "./on-demand";

export type TooltipProps = { content: ReactNode; children: ReactNode; side?: "top" | "right" | "bottom" | "left" };

// Radix's tooltip (its positioning and layers, some 25 kB gzip) arrives just after the page, not with it:
// until then the trigger is shown as it is, without its tooltip.
const usePopup = afterPage(() => import("./tooltip-popup"));

/** A tooltip on one focusable child: shown on hover and on keyboard focus. */
export function Tooltip(props: TooltipProps) {
  const popup = usePopup();
  return popup ? <popup.TooltipPopup {...props} /> : props.children;
}
