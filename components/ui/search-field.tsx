"use client";

import * as loaderCircleIcon from "lucide-react/icons/loader-circle";
import * as searchIcon from "lucide-react/icons/search";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { Input } from "./input";
import { lightIcon } from "@/components/ui/light-icon";

// Light icons: the console's frame and the clients list render these on every page.
const LoaderCircle = lightIcon(loaderCircleIcon);
const Search = lightIcon(searchIcon);

/**
 * A search box whose value lives in the URL: typing calls `onSearch` once the typing pauses, and a value that
 * changes from outside (Back, "Clear filters") replaces what is shown. With `focusKey`, that key focuses it.
 */
export function SearchField({
  value,
  onSearch,
  label,
  placeholder,
  pending = false,
  focusKey,
  delay = 300,
  className,
}: {
  value: string;
  onSearch: (value: string) => void;
  label: string;
  placeholder?: string;
  pending?: boolean;
  focusKey?: string;
  delay?: number;
  className?: string;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(onSearch);
  useEffect(() => {
    latest.current = onSearch;
  });

  // The URL moved on its own (not by this box's typing): show its value.
  if (value !== shown) {
    setShown(value);
    if (value !== text.trim()) setText(value);
  }

  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => latest.current(text.trim()), delay);
    return () => clearTimeout(timer);
  }, [text, value, delay]);

  useEffect(() => {
    if (!focusKey) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== focusKey || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true], [role=dialog]")) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [focusKey]);

  return (
    <div className={cn("relative", className)}>
      <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
      <Input
        ref={input}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && text) {
            event.preventDefault();
            setText("");
          }
        }}
        aria-label={label}
        aria-keyshortcuts={focusKey}
        placeholder={placeholder}
        className="h-8 pr-9 pl-8 text-[13px] [&::-webkit-search-cancel-button]:hidden"
      />
      <span className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2">
        {pending ? (
          <LoaderCircle className="size-3.5 animate-spin text-zinc-400" aria-label="Searching" />
        ) : (
          focusKey &&
          !text && (
            <kbd className="rounded border border-zinc-200 bg-zinc-50 px-1.5 font-sans text-[11px] text-zinc-500 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-400">
              {focusKey}
            </kbd>
          )
        )}
      </span>
    </div>
  );
}
