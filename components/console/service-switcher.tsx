"use client";

import { lazy } from "react";
import { AfterHydration } from "@/components/ui/after-hydration";
import { ServiceSwitcherButton, type SwitcherService } from "./service-switcher-button";
import { useOptionalServiceId } from "./use-service-id";

// The menu's code (Radix dropdown) arrives just after the page, not with it; meanwhile the button is inert.
const Menu = lazy(() => import("./service-switcher-menu").then((m) => ({ default: m.ServiceSwitcherMenu })));

/** The service being worked on, at the head of the sidebar; it opens a menu of the others. */
export function ServiceSwitcher({ services }: { services: readonly SwitcherService[] }) {
  const currentId = useOptionalServiceId();
  const current = services.find((service) => service.id === currentId);
  return (
    <AfterHydration fallback={<ServiceSwitcherButton service={current} aria-disabled />}>
      <Menu services={services} current={current} />
    </AfterHydration>
  );
}
