import { ConsolePage } from "@/components/console/console-page";
import { ClientActions } from "@/components/clients/client-actions";
import { EditClientFlow, type RevertTarget } from "@/components/clients/edit-client-flow";
import { analyzedText } from "@/components/metadata-editor/analysis";
import type { MetadataJsonSchema } from "@/components/metadata-editor/completion";
import { metadataText } from "@/components/metadata-editor/text";
import { PageHeader } from "@/components/ui/page-header";
import type { Administrator } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/permissions";
import { clientDisplayName } from "@/lib/clients/display";
import { clientPath, servicePath } from "@/lib/console-paths";
import type { ConsoleClient } from "@/lib/clients/queries";
import { inCanonicalOrder } from "@/lib/registration/members";
import { metadataJsonSchema } from "@/lib/registration/metadata";
import type { ServicePolicy } from "@/lib/registration/policy";

/**
 * The edit page (`…/clients/{id}/edit`) and the revert page (`…/clients/{id}/revert/{version}`, which proposes an
 * earlier revision's metadata and saves it as a revert): the same editor, review and save, on different content.
 * The page reads the service's policy and passes it in.
 */
export function EditClientPage({
  serviceId,
  administrator,
  client,
  policy,
  revertTo,
}: {
  serviceId: string;
  administrator: Administrator;
  client: ConsoleClient;
  policy: ServicePolicy;
  revertTo?: RevertTarget;
}) {
  const name = clientDisplayName(client.metadata);
  const clientPage = clientPath(serviceId, client.clientId);
  return (
    <ConsolePage breadcrumbs={[{ label: "Clients", href: servicePath(serviceId, "/clients") }, { label: name, href: clientPage }, { label: revertTo ? `Revert to version ${revertTo.version}` : "Edit" }]}>
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
