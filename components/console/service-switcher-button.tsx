"use client";

import * as chevronsUpDownIcon from "lucide-react/icons/chevrons-up-down";
import * as keyRoundIcon from "lucide-react/icons/key-round";
import { forwardRef, type ComponentProps } from "react";
import { lightIcon } from "@/components/ui/light-icon";
import { cn } from "@/lib/cn";

// Light icons: the console's frame renders these on every page.
const KeyRound = lightIcon(keyRoundIcon);
const ChevronsUpDown = lightIcon(chevronsUpDownIcon);

/** A service as the switcher shows it. */
export type SwitcherService = { id: string; name: string };

/** The sidebar's head: the service being worked on (or "All services"), which opens the switcher. */
export const ServiceSwitcherButton = forwardRef<HTMLButtonElement, ComponentProps<"button"> & { service: SwitcherService | undefined }>(function ServiceSwitcherButton(
  { service, className, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      className={cn(
        "flex h-14 w-full shrink-0 items-center gap-2.5 border-b border-zinc-200 px-4 text-left outline-none hover:bg-zinc-100 focus-visible:bg-zinc-100 dark:border-zinc-800 dark:hover:bg-zinc-800/60 dark:focus-visible:bg-zinc-800/60",
        className,
      )}
      {...props}
    >
      <span className="flex size-7 shrink-0 items-center justify-center rounded-md bg-accent-600 text-white dark:bg-accent-500">
        <KeyRound className="size-4" aria-hidden />
      </span>
      <span className="min-w-0 flex-1">
        <span className="sr-only">Switch service. Now: </span>
        <span className="block truncate text-sm font-semibold text-zinc-900 dark:text-zinc-50">{service?.name ?? "All services"}</span>
        <span className="block truncate text-[11px] leading-tight text-zinc-500 dark:text-zinc-400">{service ? service.id : "Registrar console"}</span>
      </span>
      <ChevronsUpDown className="size-4 shrink-0 text-zinc-400" aria-hidden />
    </button>
  );
});
