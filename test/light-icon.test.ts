import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as copyIcon from "lucide-react/icons/copy";
import * as globeIcon from "lucide-react/icons/globe";
import { lightIcon } from "@/components/ui/light-icon";

/** The markup with the root element's attributes in a fixed order (the two components write them in different orders). */
function normalized(markup: string) {
  const [, attributes, rest] = /^<svg ([^>]*)>(.*)$/s.exec(markup)!;
  return `<svg ${attributes!.match(/[\w-]+="[^"]*"/g)!.sort().join(" ")}>${rest}`;
}

// lightIcon reads the icon data that each lucide-react icon module exports (`__iconData`, not in its typings):
// these tests fail on an upgrade that drops or reshapes it, instead of a page failing to render.
describe("[UI] lightIcon", () => {
  it.each([
    ["globe", globeIcon],
    ["copy", copyIcon],
  ])("draws the same SVG as lucide-react's own %s icon", (_, module) => {
    const Light = lightIcon(module);
    const Lucide = module.default;
    expect(normalized(renderToStaticMarkup(createElement(Light, { className: "size-4" })))).toBe(
      normalized(renderToStaticMarkup(createElement(Lucide, { className: "size-4", "aria-hidden": true }))),
    );
  });

  it("names the module when it has no icon data", () => {
    expect(() => lightIcon({ default: () => null })).toThrow(/lucide-react icon module without __iconData/);
  });
});
