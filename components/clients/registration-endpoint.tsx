import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/lib/cn";

/** The registration endpoint's URL with a copy button: what to give client software that registers itself. */
export function RegistrationEndpoint({ url, compact = false }: { url: string; compact?: boolean }) {
  return (
    <span
      className={cn(
        "flex max-w-full items-center gap-1 rounded-md border border-zinc-200 bg-zinc-50 pr-1 font-mono dark:border-zinc-800 dark:bg-zinc-900",
        compact ? "h-6 pl-2 text-xs text-zinc-700 dark:text-zinc-300 [&_button]:size-5" : "py-0.5 pl-2.5 text-[13px]",
      )}
    >
      <span className="truncate">{url}</span>
      <CopyButton value={url} label="Copy the registration endpoint" />
    </span>
  );
}
