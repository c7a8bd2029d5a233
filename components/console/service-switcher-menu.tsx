"use client";

import { Check, Layers } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { servicePath, servicesPath } from "@/lib/console-paths";
import { ServiceSwitcherButton, type SwitcherService } from "./service-switcher-button";

/** The same section of another service: its audit log from an audit log, its settings from settings, else its clients. */
function sameSection(pathname: string, serviceId: string): string {
  const section = pathname.split("/")[3];
  return servicePath(serviceId, section === "audit" || section === "settings" ? `/${section}` : "/clients");
}

/** The switcher's menu (Radix dropdown), loaded after the page: every service this administrator may see, and the Services page. */
export function ServiceSwitcherMenu({ services, current }: { services: readonly SwitcherService[]; current: SwitcherService | undefined }) {
  const pathname = usePathname();
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <ServiceSwitcherButton service={current} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" sideOffset={2} className="max-h-[70vh] w-56 overflow-y-auto">
        <DropdownMenuLabel>Services</DropdownMenuLabel>
        {services.map((service) => (
          <DropdownMenuItem key={service.id} asChild>
            <Link href={sameSection(pathname, service.id)} aria-current={service.id === current?.id ? "true" : undefined}>
              <span className="grid min-w-0 flex-1">
                <span className="truncate font-medium text-zinc-900 dark:text-zinc-100">{service.name}</span>
                <span className="truncate font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{service.id}</span>
              </span>
              {service.id === current?.id && <Check className="text-accent-600 dark:text-accent-400" aria-hidden />}
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={servicesPath}>
            <Layers aria-hidden />
            All services
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
