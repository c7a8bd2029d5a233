"use client";

import { Command } from "cmdk";
import { AppWindow, Layers, LoaderCircle, Monitor, Moon, Plus, ScrollText, Search, Settings, Sun } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTheme } from "next-themes";
import { Dialog as DialogPrimitive, VisuallyHidden } from "radix-ui";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { DialogOverlay } from "@/components/ui/dialog";
import { displayName } from "@/lib/clients/display";
import type { ClientSearchHit } from "@/lib/clients/list";
import { clientPath, servicePath, servicesPath } from "@/lib/console-paths";
import { leave } from "./leave-guard";
import { useOptionalServiceId } from "./use-service-id";

/** A service the administrator may switch to. */
export type PaletteService = { id: string; name: string };
import { useConsoleShell } from "./shell-context";

/**
 * The client search: a server action taking `{ serviceId, query }` and resolving to up to ~8 hits of that
 * service; its next-safe-action result is accepted as it is.
 */
export type SearchClientsAction = (input: { serviceId: string; query: string }) => Promise<{ data?: ClientSearchHit[]; serverError?: string } | undefined>;

/** The pages of a service (under /services/{serviceId}). */
const navigation = [
  { label: "Clients", path: "/clients", icon: AppWindow, keywords: ["list", "applications"] },
  { label: "Register client", path: "/clients/new", icon: Plus, keywords: ["new", "create", "add"] },
  { label: "Audit log", path: "/audit", icon: ScrollText, keywords: ["events", "history", "sign-ins"] },
  { label: "Settings", path: "/settings", icon: Settings, keywords: ["service", "policies", "api keys"] },
] as const;

const themeCommands = [
  { label: "Use the system theme", value: "system", icon: Monitor },
  { label: "Use the light theme", value: "light", icon: Sun },
  { label: "Use the dark theme", value: "dark", icon: Moon },
] as const;

/**
 * Jump to a console page, switch the theme, and (once `searchClients` is given) open a client. Loaded on first
 * use by CommandPaletteLoader, which also owns the Ctrl/⌘-K shortcut.
 */
export function CommandPalette({ searchClients: search, services }: { searchClients?: SearchClientsAction; services: readonly PaletteService[] }) {
  const router = useRouter();
  // On a service's pages: its clients are searched and its pages offered. Elsewhere (the Services page): the
  // first service's pages.
  const current = useOptionalServiceId();
  const serviceId = current ?? services[0]?.id;
  const searchClients = useMemo(() => (search && current ? (input: { query: string }) => search({ serviceId: current, query: input.query }) : undefined), [search, current]);
  const { setTheme } = useTheme();
  const { paletteOpen, setPaletteOpen } = useConsoleShell();
  const [query, setQuery] = useState("");
  const clients = useClientSearch(searchClients, paletteOpen ? query : "");
  // The highlighted item: the first client found, once found, so that Enter opens it.
  const [highlighted, setHighlighted] = useState("");
  const firstHit = clients.hits[0] ? `client ${clients.hits[0].clientId}` : null;
  const [shownFirstHit, setShownFirstHit] = useState<string | null>(null);
  if (firstHit !== shownFirstHit) {
    setShownFirstHit(firstHit);
    if (firstHit) setHighlighted(firstHit);
  }

  function run(action: () => void) {
    setPaletteOpen(false);
    setQuery("");
    action();
  }

  return (
    <DialogPrimitive.Root open={paletteOpen} onOpenChange={setPaletteOpen}>
      <DialogPrimitive.Portal>
        <DialogOverlay />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed top-[15vh] left-1/2 z-50 w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-2xl data-[state=open]:animate-fade-in dark:border-zinc-800 dark:bg-zinc-900"
        >
          <VisuallyHidden.Root>
            <DialogPrimitive.Title>Command palette</DialogPrimitive.Title>
          </VisuallyHidden.Root>
          <Command label="Command palette" loop value={highlighted} onValueChange={setHighlighted} className="flex flex-col">
            <div className="flex items-center gap-2 border-b border-zinc-200 px-3.5 dark:border-zinc-800">
              <Search className="size-4 shrink-0 text-zinc-400" aria-hidden />
              <Command.Input
                value={query}
                onValueChange={setQuery}
                placeholder={searchClients ? "Search clients by name or id, or jump to…" : "Jump to…"}
                className="h-12 w-full bg-transparent text-sm text-zinc-900 outline-none placeholder:text-zinc-400 focus-visible:outline-none dark:text-zinc-100"
              />
              {clients.searching && <LoaderCircle className="size-4 shrink-0 animate-spin text-zinc-400" aria-label="Searching" />}
            </div>
            <Command.List className="max-h-[min(60vh,24rem)] overflow-y-auto p-1.5">
              {clients.hits.length === 0 && (
                <Command.Empty className="px-3 py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">
                  {clients.searching ? "Searching…" : `Nothing matches “${query}”.`}
                </Command.Empty>
              )}
              {clients.error && <p className="px-3 py-2 text-[13px] text-red-600 dark:text-red-400">{clients.error}</p>}
              {clients.hits.length > 0 && (
                // The server already matched these: cmdk must not filter them (nor their group) out again.
                <Group heading="Clients" forceMount>
                  {clients.hits.map((hit) => (
                    <Item
                      key={hit.clientId}
                      value={`client ${hit.clientId}`}
                      forceMount
                      onSelect={() => run(() => leave(clientPath(current!, hit.clientId), (href) => router.push(href)))}
                    >
                      <AppWindow aria-hidden />
                      <span className="truncate">{displayName(hit.name)}</span>
                      <span className="ml-auto truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{hit.clientId}</span>
                    </Item>
                  ))}
                </Group>
              )}
              <Group heading="Go to">
                {serviceId &&
                  navigation.map(({ label, path, icon: Icon, keywords }) => (
                    <Item key={path} value={label} keywords={[...keywords]} onSelect={() => run(() => leave(servicePath(serviceId, path), (to) => router.push(to)))}>
                      <Icon aria-hidden />
                      {label}
                    </Item>
                  ))}
                <Item value="Services" keywords={["services", "authorization servers", "switch"]} onSelect={() => run(() => leave(servicesPath, (to) => router.push(to)))}>
                  <Layers aria-hidden />
                  Services
                </Item>
              </Group>
              {services.length > 1 && (
                <Group heading="Switch service">
                  {services
                    .filter((service) => service.id !== current)
                    .map((service) => (
                      <Item
                        key={service.id}
                        value={`service ${service.id}`}
                        keywords={[service.name, service.id, "switch", "service"]}
                        onSelect={() => run(() => leave(servicePath(service.id, "/clients"), (to) => router.push(to)))}
                      >
                        <Layers aria-hidden />
                        <span className="truncate">{service.name}</span>
                        <span className="ml-auto truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{service.id}</span>
                      </Item>
                    ))}
                </Group>
              )}
              <Group heading="Theme">
                {themeCommands.map(({ label, value, icon: Icon }) => (
                  <Item key={value} value={label} keywords={["theme", "appearance", value]} onSelect={() => run(() => setTheme(value))}>
                    <Icon aria-hidden />
                    {label}
                  </Item>
                ))}
              </Group>
            </Command.List>
          </Command>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

function Group({ heading, children, forceMount }: { heading: string; children: ReactNode; forceMount?: boolean }) {
  return (
    <Command.Group
      heading={heading}
      forceMount={forceMount}
      className="[&_[cmdk-group-heading]]:px-2.5 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-zinc-500 dark:[&_[cmdk-group-heading]]:text-zinc-400"
    >
      {children}
    </Command.Group>
  );
}

function Item(props: React.ComponentProps<typeof Command.Item>) {
  return (
    <Command.Item
      {...props}
      className="flex h-9 cursor-pointer items-center gap-2.5 rounded-md px-2.5 text-sm text-zinc-800 select-none data-[selected=true]:bg-zinc-100 data-[selected=true]:text-zinc-950 dark:text-zinc-200 dark:data-[selected=true]:bg-zinc-800 dark:data-[selected=true]:text-zinc-50 [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-zinc-400"
    />
  );
}

/** Debounced calls of `searchClients`; answers that arrive after a newer query are dropped. */
type ServiceClientSearch = (input: { query: string }) => ReturnType<SearchClientsAction>;

function useClientSearch(searchClients: ServiceClientSearch | undefined, query: string) {
  const [answer, setAnswer] = useState<{ query: string; hits: ClientSearchHit[]; error?: string }>({ query: "", hits: [] });
  const trimmed = query.trim();
  const active = Boolean(searchClients) && trimmed.length >= 2;

  useEffect(() => {
    if (!searchClients || !active) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await searchClients({ query: trimmed }).catch(() => ({ serverError: "Search failed. Try again.", data: undefined }));
      if (current) setAnswer({ query: trimmed, hits: result?.data ?? [], error: result?.serverError });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [searchClients, trimmed, active]);

  if (!active) return { hits: [], searching: false };
  const fresh = answer.query === trimmed;
  // Earlier hits stay listed while the next answer is on its way, so the list does not flicker.
  return { hits: answer.hits, searching: !fresh, error: fresh ? answer.error : undefined };
}
