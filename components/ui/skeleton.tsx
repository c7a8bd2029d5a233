import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A placeholder with the size of what is loading, so nothing moves when it arrives. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden className={cn("animate-pulse rounded-md bg-zinc-200/70 dark:bg-zinc-800", className)} {...props} />;
}
