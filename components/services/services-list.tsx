"use client";

import { ArrowRight, Layers, MoreHorizontal, Plus } from "lucide-react";
import Link from "next/link";
import { lazy, useState } from "react";
import { AfterHydration } from "@/components/ui/after-hydration";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { onDemand, useOpenedOnce } from "@/components/ui/on-demand";
import { RelativeTime } from "@/components/ui/relative-time";
import { servicePath } from "@/lib/console-paths";
import type { ServiceView } from "@/lib/services/queries";
import { EndpointList } from "./endpoint-list";

// The Services page's list: one card per service with its endpoints, and the administrator's create, rename and
// delete. The dialogs (service-dialogs.tsx) load the first time one opens.

const CreateServiceDialog = onDemand(() => import("./service-dialogs").then((m) => m.CreateServiceDialog));
const RenameServiceDialog = onDemand(() => import("./service-dialogs").then((m) => m.RenameServiceDialog));
const DeleteServiceDialog = onDemand(() => import("./service-dialogs").then((m) => m.DeleteServiceDialog));

// The card's menu (Radix dropdown) arrives just after the page, not with it; meanwhile its trigger is inert.
const ServiceMenu = lazy(() => import("./service-menu").then((m) => ({ default: m.ServiceMenu })));

const clientsPath = (serviceId: string) => servicePath(serviceId, "/clients");

/** The button that opens the create dialog (in the page header and in the empty state). */
export function CreateServiceButton({ issuer, variant = "primary" }: { issuer: string; variant?: "primary" | "secondary" }) {
  const [open, setOpen] = useState(false);
  const opened = useOpenedOnce(open);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        <Plus aria-hidden />
        New service
      </Button>
      {opened && <CreateServiceDialog open={open} onOpenChange={setOpen} issuer={issuer} />}
    </>
  );
}

export function ServicesList({ services, canManage, issuer }: { services: ServiceView[]; canManage: boolean; issuer: string }) {
  const [renaming, setRenaming] = useState<ServiceView | null>(null);
  const [deleting, setDeleting] = useState<ServiceView | null>(null);
  const renameOpened = useOpenedOnce(renaming !== null);
  const deleteOpened = useOpenedOnce(deleting !== null);
  const others = services.filter((s) => !s.isDefault);

  return (
    <div className="grid gap-4">
      <ul className="grid gap-4" aria-label="Services">
        {services.map((service) => (
          <li key={service.id}>
            <ServiceCard service={service} canManage={canManage} onRename={() => setRenaming(service)} onDelete={() => setDeleting(service)} />
          </li>
        ))}
      </ul>
      {others.length === 0 && (
        <EmptyState
          icon={Layers}
          title="No other services yet"
          description="Add a service for each authorization server that registers its clients here. Each service has its own clients, policy, initial access tokens and API keys, and its own endpoints."
        >
          {canManage && <CreateServiceButton issuer={issuer} variant="secondary" />}
        </EmptyState>
      )}
      {renameOpened && <RenameServiceDialog service={renaming} onClose={() => setRenaming(null)} />}
      {deleteOpened && <DeleteServiceDialog service={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}

function ServiceCard({ service, canManage, onRename, onDelete }: { service: ServiceView; canManage: boolean; onRename: () => void; onDelete: () => void }) {
  const titleId = `service-${service.id}-title`;
  return (
    <Card aria-labelledby={titleId}>
      <CardHeader className="flex-wrap items-center">
        <div className="min-w-0 flex-[1_1_20rem]">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <CardTitle id={titleId} className="min-w-0 text-[15px] [overflow-wrap:anywhere]">
              <Link href={clientsPath(service.id)} className="hover:underline">
                {service.name}
              </Link>
            </CardTitle>
            {service.isDefault && <Badge variant="accent">Default</Badge>}
          </div>
          <p className="mt-1 flex flex-wrap items-center gap-x-1.5 text-[13px] text-zinc-500 dark:text-zinc-400">
            <span className="font-mono text-zinc-700 [overflow-wrap:anywhere] dark:text-zinc-300">{service.id}</span>
            <span aria-hidden>·</span>
            <span className="tabular-nums">{service.clientsText}</span>
            <span aria-hidden>·</span>
            <span>
              created <RelativeTime date={service.createdAt} />
            </span>
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-1">
          <Button asChild variant="secondary" size="sm">
            <Link href={clientsPath(service.id)} aria-label={`Clients of ${service.name}`}>
              Clients
              <ArrowRight aria-hidden />
            </Link>
          </Button>
          {canManage && (
            <AfterHydration
              fallback={
                <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${service.name}`} aria-disabled className="text-zinc-500">
                  <MoreHorizontal aria-hidden />
                </Button>
              }
            >
              <ServiceMenu service={service} onRename={onRename} onDelete={onDelete} />
            </AfterHydration>
          )}
        </div>
      </CardHeader>
      <EndpointList
        endpoints={[
          { label: "Registration endpoint", value: service.endpoints.registration, hint: "RFC 7591: client software registers here" },
          { label: "Discovery", value: service.endpoints.discovery, hint: "RFC 8414 authorization server metadata" },
          { label: "Authlete-compatible API base", value: service.endpoints.authleteApi, hint: "…/client/registration, with an API key" },
        ]}
      />
    </Card>
  );
}
