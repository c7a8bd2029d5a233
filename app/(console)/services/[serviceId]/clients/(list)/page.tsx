import * as plusIcon from "lucide-react/icons/plus";
import * as uploadIcon from "lucide-react/icons/upload";
import { AppWindow } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ClientsTable } from "@/components/clients/clients-table";
import { ExportClients } from "@/components/clients/export-clients";
import { ClientsToolbar } from "@/components/clients/clients-toolbar";
import { RegistrationEndpoint } from "@/components/clients/registration-endpoint";
import { ConsolePage } from "@/components/console/console-page";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { roleAllows } from "@/lib/auth/permissions";
import { requireServicePermission } from "@/lib/auth/session";
import { servicePath } from "@/lib/console-paths";
import { serviceEndpoints } from "@/lib/services";
import { countClients, readClientList } from "@/lib/clients/list";
import { clientListHref, isFiltered, parseClientListQuery } from "@/lib/clients/list-params";
import { lightIcon } from "@/components/ui/light-icon";

// Light icons: the console's frame and the clients list render these on every page.
const Plus = lightIcon(plusIcon);
const Upload = lightIcon(uploadIcon);

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage({ params, searchParams }: { params: Promise<{ serviceId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { serviceId } = await params;
  const { administrator } = await requireServicePermission(serviceId, { client: ["read"] });
  const query = parseClientListQuery(await searchParams);
  const registrationEndpoint = serviceEndpoints(serviceId).registration;
  const totalRead = countClients(serviceId, { kinds: [], authMethods: [], grantTypes: [] });
  // The page of clients is read while the total is (ClientsTable waits for it); with no clients at all, nobody does.
  const listRead = readClientList(serviceId, query, totalRead);
  listRead.catch(() => {});
  const total = await totalRead;
  const canCreate = roleAllows(administrator.role, { client: ["create"] });
  const registerButton = canCreate && (
    <Link href={servicePath(serviceId, "/clients/new")} className={buttonClassName({})}>
      <Plus aria-hidden />
      Register client
    </Link>
  );
  const importButton = roleAllows(administrator.role, { migration: ["import"] }) && (
    <Link href={servicePath(serviceId, "/clients/import")} className={buttonClassName({ variant: "secondary" })}>
      <Upload aria-hidden />
      Import
    </Link>
  );
  // The export dialog shows how many clients the filter matches: the count the table is read with.
  const filteredRead = isFiltered(query) ? listRead.then((list) => list.count) : null;
  filteredRead?.catch(() => {});
  const exportButton = total.value > 0 && roleAllows(administrator.role, { migration: ["export"] }) && (
    <ExportClients
      total={total}
      filtered={filteredRead}
      filter={clientListHref(serviceId, query).split("?")[1] ?? ""}
      canExportSecrets={roleAllows(administrator.role, { migration: ["exportSecrets"] })}
    />
  );

  return (
    <ConsolePage breadcrumbs={[{ label: "Clients" }]}>
      <PageHeader
        title={
          <>
            Clients
            {total.value > 0 && (
              <span className="font-normal text-zinc-500 dark:text-zinc-400">
                {" · "}
                {total.exact ? "" : "about "}
                {total.value.toLocaleString("en")}
              </span>
            )}
          </>
        }
        description={
          total.value > 0 ? (
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
              Applications registered with this service. Client software registers itself at
              <RegistrationEndpoint url={registrationEndpoint} compact />
            </span>
          ) : (
            "Applications registered with this service."
          )
        }
        actions={
          (importButton || exportButton || registerButton) && (
            <>
              {importButton}
              {exportButton}
              {registerButton}
            </>
          )
        }
      />
      {total.value === 0 ? (
        <EmptyState
          className="mt-6"
          icon={AppWindow}
          title="No clients yet"
          description="A client is an application that signs people in, or calls APIs, through this authorization server. Register one here, or give client software the registration endpoint so that it registers itself:"
        >
          <div className="flex flex-col items-center gap-4">
            <RegistrationEndpoint url={registrationEndpoint} />
            <div className="flex flex-wrap items-center justify-center gap-2">
              {importButton}
              {registerButton}
            </div>
          </div>
        </EmptyState>
      ) : (
        <>
          <ClientsToolbar query={query} />
          <ClientsTable
              serviceId={serviceId}
              list={listRead}
              query={query}
              canEdit={roleAllows(administrator.role, { client: ["update"] })}
              canDelete={roleAllows(administrator.role, { client: ["delete"] })}
            />
        </>
      )}
    </ConsolePage>
  );
}
