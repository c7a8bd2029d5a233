import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("text-sm font-medium text-zinc-800 dark:text-zinc-200", className)} {...props} />;
}

/** A field's error, announced when it appears; give it an `id` and point the field's `aria-describedby` at it. */
export function FieldError({ className, children, ...props }: ComponentProps<"p">) {
  return (
    <p role="alert" className={cn("text-[13px] text-red-600 dark:text-red-400", className)} {...props}>
      {children}
    </p>
  );
}

/** Help text under a field; reference it from the field's `aria-describedby` too. */
export function FieldHint({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("text-[13px] text-zinc-500 dark:text-zinc-400", className)} {...props} />;
}
