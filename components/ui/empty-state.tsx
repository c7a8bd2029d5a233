import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** What an empty page or list is for, and the next step (`children`: buttons, a URL to copy). */
export function EmptyState({
  icon: Icon,
  title,
  description,
  children,
  className,
  titleAs: Title = "h2",
}: {
  icon?: LucideIcon;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** "h1" when the empty state is the whole page (not found, forbidden). */
  titleAs?: "h1" | "h2";
}) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center rounded-lg border border-dashed border-zinc-300 px-6 py-14 text-center dark:border-zinc-700",
        className,
      )}
    >
      {Icon && (
        <div className="mb-4 flex size-11 items-center justify-center rounded-full bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400">
          <Icon className="size-5" aria-hidden />
        </div>
      )}
      <Title className="text-base font-semibold text-zinc-900 dark:text-zinc-100">{title}</Title>
      {description && <div className="mt-1.5 max-w-md text-sm text-zinc-600 dark:text-zinc-400">{description}</div>}
      {children && <div className="mt-5 flex flex-wrap items-center justify-center gap-2">{children}</div>}
    </div>
  );
}
