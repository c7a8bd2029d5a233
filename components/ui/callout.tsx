import { CircleAlert, Info, TriangleAlert, type LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";

const tones = {
  info: { icon: Info, className: "border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900/60 dark:bg-sky-950/40 dark:text-sky-200" },
  warning: { icon: TriangleAlert, className: "border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200" },
  danger: { icon: CircleAlert, className: "border-red-200 bg-red-50 text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200" },
} satisfies Record<string, { icon: LucideIcon; className: string }>;

/** A short message in a tinted box: what a change will do, why something cannot be done. */
export function Callout({ tone = "info", title, children, className, ...props }: Omit<ComponentProps<"div">, "title"> & { tone?: keyof typeof tones; title?: ReactNode }) {
  const { icon: Icon, className: toneClassName } = tones[tone];
  return (
    <div className={cn("flex gap-2.5 rounded-lg border px-3 py-2.5 text-[13px]", toneClassName, className)} {...props}>
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="grid min-w-0 flex-1 gap-1">
        {title && <p className="font-semibold">{title}</p>}
        <div>{children}</div>
      </div>
    </div>
  );
}
