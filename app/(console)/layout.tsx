import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { CommandPaletteLoader } from "@/components/console/command-palette-loader";
import { NavDrawer } from "@/components/console/nav-drawer";
import { ConsoleShellProvider } from "@/components/console/shell-context";
import { Sidebar } from "@/components/console/sidebar";
import { signInPath } from "@/lib/auth/return-path";
import { requestPathHeader } from "@/lib/request-headers";
import { currentAdministrator } from "@/lib/auth/session";
import { searchClientsAction } from "@/lib/clients/actions";
import { visibleServices } from "@/lib/services";

export const dynamic = "force-dynamic";

// The frame of every console page. Pages still check their own permission (requirePermission): this
// check only keeps the frame from rendering for nobody, and answers before any byte is streamed.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const administrator = await currentAdministrator();
  if (!administrator) redirect(signInPath((await headers()).get(requestPathHeader)));
  // The services this administrator may see, with their role on each: the switcher, the palette's "switch service".
  const services = await visibleServices(administrator);
  const sidebar = <Sidebar administrator={administrator} services={services} />;

  return (
    <ConsoleShellProvider>
      <a
        href="#content"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-zinc-900"
      >
        Skip to content
      </a>
      <aside className="fixed inset-y-0 left-0 z-40 hidden w-60 border-r border-zinc-200 bg-zinc-50 lg:block dark:border-zinc-800 dark:bg-zinc-900/40">
        {sidebar}
      </aside>
      <NavDrawer>{sidebar}</NavDrawer>
      <main id="content" className="flex min-h-screen min-w-0 flex-col lg:pl-60">
        {children}
      </main>
      <CommandPaletteLoader searchClients={searchClientsAction} services={services} />
    </ConsoleShellProvider>
  );
}
