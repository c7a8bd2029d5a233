import { describe, expect, it } from "vitest";
import { formatRelative } from "@/components/ui/relative-time";

const now = Date.parse("2026-11-27T12:00:00Z");
const ago = (seconds: number) => new Date(now - seconds * 1000);

describe("[UI] relative times", () => {
  it.each([
    [10, "just now"],
    [-10, "just now"],
    [90, "2 minutes ago"],
    [59 * 60, "59 minutes ago"],
    [3 * 3600, "3 hours ago"],
    [26 * 3600, "yesterday"],
    [4 * 86400, "4 days ago"],
    [15 * 86400, "2 weeks ago"],
    [100 * 86400, "3 months ago"],
    [800 * 86400, "2 years ago"],
    [-3 * 86400, "in 3 days"],
  ])("%i s before now reads %j", (seconds, text) => {
    expect(formatRelative(ago(seconds), now)).toBe(text);
  });
});
