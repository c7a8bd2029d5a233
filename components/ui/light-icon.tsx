import { createElement, type SVGProps } from "react";

// lucide's icons for places that render many of them (the clients list's rows: a kind badge and a menu button
// each). lucide-react builds every icon's attributes anew on each render (spreads, merges, class parsing), which
// adds up over a page of rows (docs/BENCHMARKS.md, Design notes). A light icon is the same SVG from the same
// data (each lucide-react icon module exports it as `__iconData`), built once.

type IconData = { name: string; node: [tag: string, attributes: Record<string, string>][] };

/** The icon of a lucide-react icon module (`import * as globe from "lucide-react/icons/globe"`). */
export function lightIcon(module: object) {
  const data = (module as { __iconData?: IconData }).__iconData;
  if (!data?.node) throw new Error(`lightIcon: a lucide-react icon module without __iconData (${Object.keys(module).join(", ")}); see test/light-icon.test.ts`);
  const { name, node } = data;
  const shapes = node.map(([tag, attributes]) => createElement(tag, attributes));
  const classes = `lucide lucide-${name}`;
  function LightIcon({ className, ...props }: SVGProps<SVGSVGElement>) {
    return (
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={24}
        height={24}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden
        className={className ? `${classes} ${className}` : classes}
        {...props}
      >
        {shapes}
      </svg>
    );
  }
  LightIcon.displayName = `LightIcon(${name})`;
  return LightIcon;
}
