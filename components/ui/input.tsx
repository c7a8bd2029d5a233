import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

export const fieldClassName = cn(
  "w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-xs transition-colors",
  "placeholder:text-zinc-400 hover:border-zinc-400 focus-visible:border-accent-500 focus-visible:outline-offset-0",
  "disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500",
  "aria-invalid:border-red-500 aria-invalid:focus-visible:outline-red-500",
  "dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:hover:border-zinc-600 dark:disabled:bg-zinc-900/50",
  "dark:aria-invalid:border-red-500",
);

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} className={cn(fieldClassName, "h-9", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(fieldClassName, "min-h-20 py-2", className)} {...props} />;
}
