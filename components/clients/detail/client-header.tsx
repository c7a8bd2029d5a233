import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { unnamedClient } from "@/lib/clients/display";
import { clientKind, isPublicClient } from "@/lib/clients/kind";
import { languageLabel, localizedValues } from "@/lib/clients/overview";
import type { ConsoleClient } from "@/lib/clients/queries";
import { clientName } from "@/lib/registration/members";
import { ClientKindBadge } from "../client-badges";
import { ClientLogo } from "../client-logo";
import { LocalizedName } from "../localized-name";

const originLabels: Record<ConsoleClient["origin"], string> = {
  dynamic: "Registered by itself",
  console: "Registered in the console",
  import: "Imported",
};

/** The client's logo, name (with its language variants), client id, badges and the page's actions. */
export function ClientHeader({ client, actions }: { client: ConsoleClient; actions: React.ReactNode }) {
  const m = client.metadata;
  const names = localizedValues(m, "client_name");
  const variants = (names.length ? names : [{ tag: null, value: unnamedClient }]).map((n) => ({ ...n, label: n.tag ? languageLabel(n.tag) : "Default (no language tag)" }));
  return (
    <div className="flex flex-wrap items-start gap-4">
      <ClientLogo src={m.logo_uri ?? null} name={clientName(m)} size="lg" />
      <div className="grid min-w-0 flex-1 gap-1.5">
        <LocalizedName variants={variants} />
        <div className="flex min-w-0 items-center gap-1">
          <span className="sr-only">Client id</span>
          <code className="truncate font-mono text-[13px] text-zinc-700 dark:text-zinc-300" data-testid="client-id">
            {client.clientId}
          </code>
          <CopyButton value={client.clientId} label="Copy the client id" />
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          {client.deletedAt && <Badge variant="danger">Deleted</Badge>}
          <ClientKindBadge kind={clientKind(m.application_type, m.grant_types)} />
          <Badge variant="neutral">{isPublicClient(m.token_endpoint_auth_method) ? "Public" : "Confidential"}</Badge>
          <Badge variant="neutral">{originLabels[client.origin]}</Badge>
          <span className="ml-1 text-xs text-zinc-500 dark:text-zinc-400">
            Version {client.version} · registered <RelativeTime date={client.createdAt} /> · updated <RelativeTime date={client.updatedAt} />
          </span>
        </div>
      </div>
      {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
