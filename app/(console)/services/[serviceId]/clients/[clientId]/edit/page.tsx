import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditClientPage } from "@/components/clients/edit-client-page";
import { requireServicePermission } from "@/lib/auth/session";
import { clientDisplayName } from "@/lib/clients/display";
import { clientOfPage } from "@/lib/clients/queries";

type Props = { params: Promise<{ serviceId: string; clientId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { serviceId, clientId } = await params;
  const client = await clientOfPage(serviceId, clientId);
  return { title: client && !client.deletedAt ? `Edit ${clientDisplayName(client.metadata)}` : "Client not found" };
}

export default async function EditClientRoute({ params }: Props) {
  const { serviceId, clientId } = await params;
  const { administrator, service } = await requireServicePermission(serviceId, { client: ["update"] });
  // Read once per request (clientOfPage); the layout has answered 404 for an unknown or deleted client already.
  const client = await clientOfPage(serviceId, clientId);
  const policy = service.policy;
  if (!client || client.deletedAt) notFound();
  return <EditClientPage serviceId={serviceId} administrator={administrator} client={client} policy={policy} />;
}
