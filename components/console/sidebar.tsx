import * as keyRoundIcon from "lucide-react/icons/key-round";
import Link from "next/link";
import { roleAllows } from "@/lib/auth/permissions";
import type { Administrator } from "@/lib/auth/session";
import { NavLinks } from "./nav-links";
import { RoleBadge } from "./role-badge";
import { SignOutButton } from "./sign-out-button";
import { ThemeSwitch } from "./theme-switch";
import { lightIcon } from "@/components/ui/light-icon";

// Light icons: the console's frame and the clients list render these on every page.
const KeyRound = lightIcon(keyRoundIcon);

function initials(name: string) {
  const parts = name.trim().split(/[\s._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

/** The sidebar's content: shown fixed on wide windows and in the navigation drawer on narrow ones. */
export function Sidebar({ serviceName, administrator }: { serviceName: string; administrator: Administrator }) {
  return (
    <div className="flex h-full flex-col">
      <Link href="/clients" className="flex h-14 shrink-0 items-center gap-2.5 border-b border-zinc-200 px-4 dark:border-zinc-800">
        <span className="flex size-7 shrink-0 items-center justify-center rounded-md bg-accent-600 text-white dark:bg-accent-500">
          <KeyRound className="size-4" aria-hidden />
        </span>
        <span className="min-w-0">
          <span className="block truncate text-sm font-semibold text-zinc-900 dark:text-zinc-50">{serviceName}</span>
          <span className="block text-[11px] leading-tight text-zinc-500 dark:text-zinc-400">Registrar console</span>
        </span>
      </Link>

      <nav aria-label="Console" className="flex-1 overflow-y-auto p-3">
        <NavLinks administration={roleAllows(administrator.role, { service: ["create"] })} />
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
              <RoleBadge role={administrator.role} />
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
