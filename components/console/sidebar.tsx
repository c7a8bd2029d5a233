import type { Role } from "@/lib/auth/permissions";
import type { Administrator } from "@/lib/auth/session";
import { NavLinks } from "./nav-links";
import { ServiceRoleBadge } from "./service-role-badge";
import { ServiceSwitcher } from "./service-switcher";
import { SignOutButton } from "./sign-out-button";
import { ThemeSwitch } from "./theme-switch";

function initials(name: string) {
  const parts = name.trim().split(/[\s._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

/**
 * The sidebar's content: shown fixed on wide windows and in the navigation drawer on narrow ones. `services`
 * are those the administrator may see, each with their role on it; the first is where the console opens.
 */
export function Sidebar({ administrator, services }: { administrator: Administrator; services: readonly { id: string; name: string; role: Role }[] }) {
  return (
    <div className="flex h-full flex-col">
      <ServiceSwitcher services={services} />

      <nav aria-label="Console" className="flex-1 overflow-y-auto p-3">
        <NavLinks homeServiceId={services[0]?.id} />
      </nav>

      <div className="grid gap-3 border-t border-zinc-200 p-3 dark:border-zinc-800">
        <div className="flex items-center gap-2.5">
          <span
            aria-hidden
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
          >
            {initials(administrator.name)}
          </span>
          <div className="min-w-0 flex-1">
            <p className="flex items-center gap-1.5">
              <span className="truncate text-[13px] font-medium text-zinc-900 dark:text-zinc-100">{administrator.name}</span>
              <ServiceRoleBadge globalRole={administrator.role} roles={services} />
            </p>
            <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{administrator.email}</p>
          </div>
        </div>
        <div className="flex items-center justify-between">
          <ThemeSwitch />
          <SignOutButton />
        </div>
      </div>
    </div>
  );
}
