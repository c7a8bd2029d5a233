import { Check } from "lucide-react";
import { cn } from "@/lib/cn";

/** Where the administrator is in a multi-step flow (Edit → Review → Saved). */
export function FlowSteps({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <ol aria-label="Steps" className="flex flex-wrap items-center gap-2 text-[13px]">
      {steps.map((step, i) => {
        const done = i < current;
        const active = i === current;
        return (
          <li key={step} className="flex items-center gap-2" aria-current={active ? "step" : undefined}>
            {i > 0 && <span aria-hidden className={cn("h-px w-6", done || active ? "bg-accent-400" : "bg-zinc-300 dark:bg-zinc-700")} />}
            <span
              className={cn(
                "flex size-5 items-center justify-center rounded-full text-[11px] font-semibold",
                done && "bg-accent-600 text-white",
                active && "bg-accent-100 text-accent-700 ring-1 ring-accent-500 dark:bg-accent-950 dark:text-accent-300",
                !done && !active && "bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400",
              )}
            >
              {done ? <Check className="size-3" aria-hidden /> : i + 1}
            </span>
            <span className={cn("font-medium", active ? "text-zinc-900 dark:text-zinc-100" : "text-zinc-500 dark:text-zinc-400")}>
              {step}
              {done && <span className="sr-only"> (done)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
