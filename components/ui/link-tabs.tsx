import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { activeTabClassName, tabClassName, tabListClassName } from "./tab-styles";

/**
 * Tabs whose state is the URL (`?tab=history`): each tab is a link and the server renders only the current
 * panel, so a tab can be shared, reloaded and reached with Back.
 */
export function LinkTabs({ tabs, current, label }: { tabs: { id: string; href: string; label: ReactNode }[]; current: string; label: string }) {
  return (
    <nav aria-label={label} className={tabListClassName}>
      {tabs.map((tab) => (
        <Link key={tab.id} href={tab.href} scroll={false} aria-current={tab.id === current ? "page" : undefined} className={cn(tabClassName, tab.id === current && activeTabClassName)}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
