import * as globe from "lucide-react/icons/globe";
import * as server from "lucide-react/icons/server";
import * as smartphone from "lucide-react/icons/smartphone";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { lightIcon } from "@/components/ui/light-icon";
import { clientKindLabels, type ClientKind } from "@/lib/clients/kind";
import { grantTypeLabel } from "@/lib/clients/labels";

// Light icons: a page of the clients list shows one per row.
const [Globe, Server, Smartphone] = [lightIcon(globe), lightIcon(server), lightIcon(smartphone)];

const kindLook: Record<ClientKind, { variant: BadgeVariant; icon: typeof Globe; title: string }> = {
  web: { variant: "accent", icon: Globe, title: "Web application: signs users in through a browser" },
  native: { variant: "success", icon: Smartphone, title: "Native application: a mobile or desktop app" },
  machine: { variant: "neutral", icon: Server, title: "Machine client: no user sign-in, no redirect URIs" },
};

export function ClientKindBadge({ kind }: { kind: ClientKind }) {
  const { variant, icon: Icon, title } = kindLook[kind];
  return (
    <Badge variant={variant} title={title}>
      <Icon aria-hidden />
      {clientKindLabels[kind]}
    </Badge>
  );
}

/** A grant type as a chip: its name in words, the registered value on hover. */
export function GrantTypeChip({ grantType }: { grantType: string }) {
  return (
    <Badge variant="neutral" title={grantType} className="font-normal">
      {grantTypeLabel(grantType)}
    </Badge>
  );
}
