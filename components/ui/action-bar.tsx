import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A form's main buttons, kept in view at the bottom of the page while a long form scrolls. */
export function ActionBar({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn(
        "sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-end gap-2 border-t border-zinc-200 bg-white/90 px-4 py-3 backdrop-blur lg:-mx-8 lg:px-8 dark:border-zinc-800 dark:bg-zinc-950/90",
        className,
      )}
      {...props}
    />
  );
}
