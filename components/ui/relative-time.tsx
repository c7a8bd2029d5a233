"use client";

import { useSyncExternalStore } from "react";
import { Tooltip } from "./tooltip";

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "just now", "5 minutes ago", "yesterday", "in 3 days" — `date` relative to `now`. */
export function formatRelative(date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  // The largest whole unit, rounded the same way into the past and the future.
  const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? ["minute", 60];
  const value = Math.sign(seconds) * Math.round(Math.abs(seconds) / size);
  // A list page shows dozens of times that read the same ("3 days ago"): each text is formatted once.
  const key = `${value} ${unit}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = relative.format(value, unit);
    if (formatted.size < 1_000) formatted.set(key, text);
  }
  return text;
}
const formatted = new Map<string, string>();

// One shared clock in 30-second steps: stable between steps, so renders agree on "now".
const step = 30_000;
const clock = () => Math.floor(Date.now() / step) * step;
function subscribeToClock(onTick: () => void) {
  const timer = setInterval(onTick, step);
  return () => clearInterval(timer);
}

const exact = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "long" });

/**
 * A time as relative text with the exact time (the viewer's time zone) in a tooltip. The server renders the
 * text against its clock; where the browser's clock reads differently, hydration keeps the server's text
 * (no mismatch error) and the 30-second clock brings it up to date.
 */
export function RelativeTime({ date, className }: { date: Date | string; className?: string }) {
  const at = typeof date === "string" ? new Date(date) : date;
  const now = useSyncExternalStore(subscribeToClock, clock, clock);

  return (
    <Tooltip content={() => exact.format(at)}>
      <time dateTime={at.toISOString()} tabIndex={0} suppressHydrationWarning className={className ? `whitespace-nowrap tabular-nums ${className}` : "whitespace-nowrap tabular-nums"}>
        {formatRelative(at, now)}
      </time>
    </Tooltip>
  );
}
