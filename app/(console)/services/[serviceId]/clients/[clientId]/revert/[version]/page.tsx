import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditClientPage } from "@/components/clients/edit-client-page";
import { requireServicePermission } from "@/lib/auth/session";
import { clientDisplayName } from "@/lib/clients/display";
import { clientOfPage, revertibleRevisionOfPage } from "@/lib/clients/queries";

type Props = { params: Promise<{ serviceId: string; clientId: string; version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { serviceId, clientId, version } = await params;
  const [client, revision] = await Promise.all([clientOfPage(serviceId, clientId), revertibleRevisionOfPage(serviceId, clientId, version)]);
  // The 404 views' titles: clients/not-found.tsx for an unknown client, revert/not-found.tsx for the rest.
  if (!client) return { title: "Client not found" };
  return { title: !client.deletedAt && revision ? `Revert ${clientDisplayName(client.metadata)} to version ${revision.version}` : "Version not found" };
}

// "Revert to this version" in the history panel: revision N's metadata, opened on its review (a diff against the current version) and saved as a revert.
export default async function RevertClientRoute({ params }: Props) {
  const { serviceId, clientId, version } = await params;
  const { administrator, service } = await requireServicePermission(serviceId, { client: ["revert"] });
  // Read once per request; the layout has answered 404 for a deleted client or a missing version already.
  const [client, revision] = await Promise.all([clientOfPage(serviceId, clientId), revertibleRevisionOfPage(serviceId, clientId, version)]);
  const policy = service.policy;
  if (!client || client.deletedAt || !revision) notFound();
  return <EditClientPage serviceId={serviceId} administrator={administrator} client={client} policy={policy} revertTo={{ version: revision.version, metadata: revision.metadata }} />;
}
