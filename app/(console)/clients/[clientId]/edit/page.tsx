import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConsolePage } from "@/components/console/console-page";
import { ClientActions } from "@/components/clients/client-actions";
import { EditClientFlow, type RevertTarget } from "@/components/clients/edit-client-flow";
import { analyzedText } from "@/components/metadata-editor/analysis";
import type { MetadataJsonSchema } from "@/components/metadata-editor/completion";
import { metadataText } from "@/components/metadata-editor/text";
import { PageHeader } from "@/components/ui/page-header";
import { roleAllows } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { clientDisplayName } from "@/lib/clients/display";
import { clientOfPage, getRevision } from "@/lib/clients/queries";
import { config } from "@/lib/config";
import { inCanonicalOrder } from "@/lib/registration/members";
import { metadataJsonSchema } from "@/lib/registration/metadata";
import { consoleServicePolicy } from "@/lib/services";

type Props = { params: Promise<{ clientId: string }>; searchParams: Promise<{ from?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const client = await clientOfPage((await params).clientId);
  return { title: client && !client.deletedAt ? `Edit ${clientDisplayName(client.metadata)}` : "Client not found" };
}

// Edit (CONSOLE.md): `?from=N` proposes revision N's metadata and saves it as a revert.
export default async function EditClientPage({ params, searchParams }: Props) {
  const [{ clientId }, { from }] = await Promise.all([params, searchParams]);
  const administrator = await requirePermission(from === undefined ? { client: ["update"] } : { client: ["revert"] });
  const { serviceId } = config();
  // Read once per request (clientOfPage); the layout has answered 404 for an unknown or deleted client already.
  const client = await clientOfPage(clientId);
  if (!client || client.deletedAt) notFound();

  let revertTo: RevertTarget | undefined;
  if (from !== undefined) {
    const version = Number(from);
    const revision = Number.isInteger(version) && version > 0 ? await getRevision(serviceId, clientId, version) : null;
    if (!revision || revision.kind === "deleted") notFound();
    revertTo = { version, metadata: revision.metadata };
  }

  const policy = await consoleServicePolicy();
  const name = clientDisplayName(client.metadata);
  const clientPage = `/clients/${encodeURIComponent(client.clientId)}`;
  return (
    <ConsolePage breadcrumbs={[{ label: "Clients", href: "/clients" }, { label: name, href: clientPage }, { label: revertTo ? `Revert to version ${revertTo.version}` : "Edit" }]}>
      <div className="grid gap-6">
        <PageHeader
          title={revertTo ? `Revert ${name} to version ${revertTo.version}` : `Edit ${name}`}
          description={`Version ${client.version}. Changes are reviewed as a diff before they are saved through the registration service.`}
          actions={
            <ClientActions
              clientId={client.clientId}
              clientName={name}
              canEdit={false}
              canDelete={roleAllows(administrator.role, { client: ["delete"] })}
              canReissue={roleAllows(administrator.role, { registrationToken: ["reissue"] })}
            />
          }
        />
        <EditClientFlow
          client={{ clientId: client.clientId, name, version: client.version, metadata: client.metadata, hasSecret: client.hasSecret, hasRegistrationAccessToken: client.hasRegistrationAccessToken }}
          policy={policy}
          jsonSchema={metadataJsonSchema(policy) as MetadataJsonSchema}
          revertTo={revertTo}
          initial={analyzedText(metadataText(inCanonicalOrder(revertTo?.metadata ?? client.metadata)), policy)}
        />
      </div>
    </ConsolePage>
  );
}
