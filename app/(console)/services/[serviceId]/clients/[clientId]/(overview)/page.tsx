import { ScrollText, Trash2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditTable } from "@/components/audit/audit-table";
import { ClientActions } from "@/components/clients/client-actions";
import { ClientHeader } from "@/components/clients/detail/client-header";
import { HistoryPanel, parseCompare, parseHistoryBefore } from "@/components/clients/detail/history-panel";
import { OverviewCards } from "@/components/clients/detail/overview-cards";
import { ConsolePage } from "@/components/console/console-page";
import { buttonClassName } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DownloadButton } from "@/components/ui/download-button";
import { EmptyState } from "@/components/ui/empty-state";
import { JsonView } from "@/components/ui/json-view";
import { LinkTabs } from "@/components/ui/link-tabs";
import { RelativeTime } from "@/components/ui/relative-time";
import { listAuditEvents } from "@/lib/audit-log/query";
import { roleAllows } from "@/lib/auth/permissions";
import { requireServicePermission } from "@/lib/auth/session";
import { auditLogHref } from "@/lib/audit-log/params";
import { clientPath, servicePath } from "@/lib/console-paths";
import { clientDisplayName } from "@/lib/clients/display";
import { actorLabel, interfaceLabel } from "@/lib/clients/labels";
import { clientOfPage, getRevision, getRevisions, listRevisionPage } from "@/lib/clients/queries";
import { inCanonicalOrder } from "@/lib/registration/members";
import { readParam } from "@/lib/url-state";

const tabs = ["overview", "metadata", "history", "audit"] as const;
type Tab = (typeof tabs)[number];

type Props = { params: Promise<{ serviceId: string; clientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// A deleted client keeps its page: a banner says when and by whom, and its history and audit trail stay readable.
// Its layout has read it already (clientOfPage: once per request), and answered 404 for an unknown id.

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { serviceId, clientId } = await params;
  const client = await clientOfPage(serviceId, clientId);
  return { title: client ? clientDisplayName(client.metadata) : "Client not found" };
}

export default async function ClientPage({ params, searchParams }: Props) {
  const { serviceId, clientId } = await params;
  const { administrator } = await requireServicePermission(serviceId, { client: ["read"] });
  const search = await searchParams;
  const tab: Tab = tabs.find((t) => t === readParam(search, "tab")) ?? "overview";
  const client = await clientOfPage(serviceId, clientId);
  if (!client) notFound();
  const name = clientDisplayName(client.metadata);
  const basePath = clientPath(serviceId, client.clientId);
  const live = !client.deletedAt;
  // A deleted client's last revision records its deletion.
  const last = live ? null : await getRevision(serviceId, client.clientId, client.version);
  const deletion = last?.kind === "deleted" ? last : undefined;

  return (
    <ConsolePage breadcrumbs={[{ label: "Clients", href: servicePath(serviceId, "/clients") }, { label: name }]}>
      {deletion && (
        <div role="status" className="mb-5 flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200">
          <Trash2 className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p>
            <strong className="font-semibold">This client was deleted</strong> <RelativeTime date={deletion.createdAt} /> by {actorLabel(deletion.actor)} via{" "}
            {interfaceLabel(deletion.interface)}. Its client id, secret and registration access token no longer work; its history and audit trail are kept.
          </p>
        </div>
      )}
      <ClientHeader
        client={client}
        actions={
          live && (
            <ClientActions
              clientId={client.clientId}
              clientName={name}
              canEdit={roleAllows(administrator.role, { client: ["update"] })}
              canDelete={roleAllows(administrator.role, { client: ["delete"] })}
              canReissue={roleAllows(administrator.role, { registrationToken: ["reissue"] })}
            />
          )
        }
      />
      <LinkTabs
        label="Client sections"
        current={tab}
        tabs={[
          { id: "overview", href: basePath, label: "Overview" },
          { id: "metadata", href: `${basePath}?tab=metadata`, label: "Metadata" },
          {
            id: "history",
            href: `${basePath}?tab=history`,
            label: (
              <>
                History
                <span className="rounded-full bg-zinc-100 px-1.5 text-xs tabular-nums text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">{client.version}</span>
              </>
            ),
          },
          { id: "audit", href: `${basePath}?tab=audit`, label: "Audit" },
        ]}
      />
      <div className="mt-5">
        {tab === "overview" && <OverviewCards client={client} />}
        {tab === "metadata" && <MetadataPanel clientId={client.clientId} metadata={client.metadata} />}
        {tab === "history" && (
          <ClientHistory
            serviceId={serviceId}
            clientId={client.clientId}
            currentVersion={client.version}
            search={search}
            canRevert={live && roleAllows(administrator.role, { client: ["revert"] })}
          />
        )}
        {tab === "audit" && <ClientAudit serviceId={serviceId} clientId={client.clientId} />}
      </div>
    </ConsolePage>
  );
}

/** The History tab: one page of revisions (`before` in the URL), and the two compared when asked, read by version. */
async function ClientHistory({
  serviceId,
  clientId,
  currentVersion,
  search,
  canRevert,
}: {
  serviceId: string;
  clientId: string;
  currentVersion: number;
  search: Record<string, string | string[] | undefined>;
  canRevert: boolean;
}) {
  // A page past the current version is the newest page.
  const asked = parseHistoryBefore(readParam(search, "before"));
  const before = asked !== undefined && asked <= currentVersion ? asked : undefined;
  const compare = parseCompare(readParam(search, "compare"));
  const [page, compared] = await Promise.all([listRevisionPage(serviceId, clientId, { before }), compare ? getRevisions(serviceId, clientId, compare) : undefined]);
  return (
    <HistoryPanel
      serviceId={serviceId}
      clientId={clientId}
      currentVersion={currentVersion}
      page={page}
      before={before}
      compare={compare}
      compared={compared}
      canRevert={canRevert}
    />
  );
}

function MetadataPanel({ clientId, metadata }: { clientId: string; metadata: Record<string, unknown> }) {
  const json = JSON.stringify(inCanonicalOrder(metadata), null, 2);
  return (
    <section aria-labelledby="metadata-heading" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="metadata-heading" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            Client metadata
          </h2>
          <p className="text-[13px] text-zinc-600 dark:text-zinc-400">As stored and returned (RFC 7591 §2), in the specifications&apos; order. Credentials are never part of it.</p>
        </div>
        <div className="flex items-center gap-2">
          <span className="inline-flex items-center rounded-md border border-zinc-300 pr-1 pl-2.5 text-[13px] font-medium dark:border-zinc-700">
            Copy JSON
            <CopyButton value={json} label="Copy the metadata JSON" />
          </span>
          <DownloadButton content={`${json}\n`} filename={`${clientId}.json`}>
            Download .json
          </DownloadButton>
        </div>
      </div>
      <JsonView json={json} label="Client metadata JSON" />
    </section>
  );
}

async function ClientAudit({ serviceId, clientId }: { serviceId: string; clientId: string }) {
  const page = await listAuditEvents(serviceId, { client: clientId, start: 1 }, 25);
  if (!page.rows.length) return <EmptyState icon={ScrollText} title="No audit events" description="Nothing has been recorded about this client yet." />;
  return (
    <div className="grid gap-3">
      <AuditTable rows={page.rows} showClient={false} label="Audit events of this client" />
      <div className="flex items-center justify-between text-[13px] text-zinc-600 dark:text-zinc-400">
        <span>{page.nextCursor ? `The latest ${page.rows.length} events.` : `${page.rows.length} ${page.rows.length === 1 ? "event" : "events"}.`}</span>
        <Link href={auditLogHref(serviceId, { client: clientId, start: 1 })} className={buttonClassName({ variant: "secondary", size: "sm" })}>
          Open in the audit log
        </Link>
      </div>
    </div>
  );
}
