import type { Metadata } from "next";
import { ConsolePage } from "@/components/console/console-page";
import { RegisterClientFlow } from "@/components/clients/register-client-flow";
import { analyzedText } from "@/components/metadata-editor/analysis";
import type { MetadataJsonSchema } from "@/components/metadata-editor/completion";
import { metadataText } from "@/components/metadata-editor/text";
import { PageHeader } from "@/components/ui/page-header";
import { requireServicePermission } from "@/lib/auth/session";
import { servicePath } from "@/lib/console-paths";
import { clientTemplates } from "@/lib/clients/templates";
import { metadataJsonSchema } from "@/lib/registration/metadata";

export const metadata: Metadata = { title: "Register client" };

export default async function RegisterClientPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const { policy } = (await requireServicePermission(serviceId, { client: ["create"] })).service;
  return (
    <ConsolePage breadcrumbs={[{ label: "Clients", href: servicePath(serviceId, "/clients") }, { label: "Register client" }]}>
      <div className="grid gap-6">
        <PageHeader title="Register client" description="Registered here by an administrator, with the same rules as client software registering itself." />
        <RegisterClientFlow policy={policy} jsonSchema={metadataJsonSchema(policy) as MetadataJsonSchema} initial={analyzedText(metadataText(clientTemplates[0]!.metadata), policy)} />
      </div>
    </ConsolePage>
  );
}
