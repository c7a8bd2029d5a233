"use client";

import * as appWindowIcon from "lucide-react/icons/app-window";
import * as layersIcon from "lucide-react/icons/layers";
import * as scrollTextIcon from "lucide-react/icons/scroll-text";
import * as settingsIcon from "lucide-react/icons/settings";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import { servicePath, servicesPath } from "@/lib/console-paths";
import { useConsoleShell } from "./shell-context";
import { useOptionalServiceId } from "./use-service-id";
import { lightIcon } from "@/components/ui/light-icon";

// Light icons: the console's frame and the clients list render these on every page.
const AppWindow = lightIcon(appWindowIcon);
const ScrollText = lightIcon(scrollTextIcon);
const Settings = lightIcon(settingsIcon);
const Layers = lightIcon(layersIcon);

/** The sections of a service, under /services/{serviceId}. */
export const serviceSections = [
  { path: "/clients", label: "Clients", icon: AppWindow },
  { path: "/audit", label: "Audit log", icon: ScrollText },
  { path: "/settings", label: "Settings", icon: Settings },
] as const;

/**
 * The console's navigation: the sections of the service being worked on (on the Services page, of
 * `homeServiceId`), then the Services page.
 */
export function NavLinks({ homeServiceId }: { homeServiceId: string | undefined }) {
  const pathname = usePathname();
  const { setNavOpen } = useConsoleShell();
  const serviceId = useOptionalServiceId() ?? homeServiceId;
  const links = [
    ...(serviceId ? serviceSections.map(({ path, label, icon }) => ({ href: servicePath(serviceId, path), label, icon })) : []),
    { href: servicesPath, label: "Services", icon: Layers },
  ];
  return (
    <ul className="grid gap-0.5">
      {links.map(({ href, label, icon: Icon }) => {
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
