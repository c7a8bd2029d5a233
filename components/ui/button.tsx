import { LoaderCircle } from "lucide-react";
import { Slot } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

const variants = {
  primary:
    "bg-accent-600 text-white shadow-xs hover:bg-accent-700 active:bg-accent-800 dark:bg-accent-600 dark:hover:bg-accent-500 dark:active:bg-accent-700",
  secondary:
    "border border-zinc-300 bg-white text-zinc-900 shadow-xs hover:bg-zinc-50 active:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:active:bg-zinc-700",
  ghost: "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 active:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50",
  danger: "bg-red-600 text-white shadow-xs hover:bg-red-700 active:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500",
} as const;

const sizes = {
  sm: "h-8 gap-1.5 rounded-md px-2.5 text-[13px]",
  md: "h-9 gap-2 rounded-md px-3.5 text-sm",
  lg: "h-10 gap-2 rounded-lg px-4 text-sm",
  icon: "size-9 rounded-md",
  "icon-sm": "size-8 rounded-md",
} as const;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
  /** Shows a spinner, disables the button and tells assistive technology it is busy. */
  loading?: boolean;
  /** Renders the single child (a link) with the button's look. */
  asChild?: boolean;
};

export function buttonClassName({ variant = "primary", size = "md", className }: Pick<ButtonProps, "variant" | "size" | "className">) {
  return cn(
    "inline-flex shrink-0 cursor-pointer items-center justify-center font-medium whitespace-nowrap transition-colors select-none",
    "disabled:pointer-events-none disabled:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0",
    variants[variant],
    sizes[size],
    className,
  );
}

export function Button({ variant, size, loading = false, asChild = false, className, children, disabled, type, ...props }: ButtonProps) {
  if (asChild) return <Slot.Root className={buttonClassName({ variant, size, className })} {...props}>{children}</Slot.Root>;
  return (
    <button
      type={type ?? "button"}
      className={buttonClassName({ variant, size, className })}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading && <LoaderCircle className="animate-spin" aria-hidden />}
      {children}
    </button>
  );
}
