"use client";

import * as appWindowIcon from "lucide-react/icons/app-window";
import * as layersIcon from "lucide-react/icons/layers";
import * as scrollTextIcon from "lucide-react/icons/scroll-text";
import * as settingsIcon from "lucide-react/icons/settings";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import { useConsoleShell } from "./shell-context";
import { lightIcon } from "@/components/ui/light-icon";

// Light icons: the console's frame and the clients list render these on every page.
const AppWindow = lightIcon(appWindowIcon);
const Layers = lightIcon(layersIcon);
const ScrollText = lightIcon(scrollTextIcon);
const Settings = lightIcon(settingsIcon);

export const consoleSections = [
  { href: "/clients", label: "Clients", icon: AppWindow },
  { href: "/audit", label: "Audit log", icon: ScrollText },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;

/** The sections of the whole Registrar rather than of one service: the administrator's. */
export const administrationSections = [{ href: "/services", label: "Services", icon: Layers }] as const;

/** The console's sections; `administration` adds the administrator's (Services). */
export function NavLinks({ administration = false }: { administration?: boolean }) {
  const pathname = usePathname();
  const { setNavOpen } = useConsoleShell();
  const sections = administration ? [...consoleSections, ...administrationSections] : consoleSections;
  return (
    <ul className="grid gap-0.5">
      {sections.map(({ href, label, icon: Icon }) => {
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              onClick={() => setNavOpen(false)}
              className={cn(
                "flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium text-zinc-600 transition-colors hover:bg-zinc-200/60 hover:text-zinc-900",
                "dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-50",
                current && "bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-50 dark:ring-zinc-700",
              )}
            >
              <Icon className={cn("size-4 shrink-0", current ? "text-accent-600 dark:text-accent-400" : "text-zinc-400 dark:text-zinc-500")} aria-hidden />
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
