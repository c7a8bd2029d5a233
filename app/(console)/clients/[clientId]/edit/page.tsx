import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditClientPage } from "@/components/clients/edit-client-page";
import { requirePermission } from "@/lib/auth/session";
import { clientDisplayName } from "@/lib/clients/display";
import { clientOfPage } from "@/lib/clients/queries";
import { consoleServicePolicy } from "@/lib/services";

type Props = { params: Promise<{ clientId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const client = await clientOfPage((await params).clientId);
  return { title: client && !client.deletedAt ? `Edit ${clientDisplayName(client.metadata)}` : "Client not found" };
}

export default async function EditClientRoute({ params }: Props) {
  const administrator = await requirePermission({ client: ["update"] });
  // Read once per request (clientOfPage); the layout has answered 404 for an unknown or deleted client already.
  const [client, policy] = await Promise.all([clientOfPage((await params).clientId), consoleServicePolicy()]);
  if (!client || client.deletedAt) notFound();
  return <EditClientPage administrator={administrator} client={client} policy={policy} />;
}
