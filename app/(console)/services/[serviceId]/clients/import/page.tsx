import type { Metadata } from "next";
import { ImportClients } from "@/components/clients/import/import-clients";
import { ConsolePage } from "@/components/console/console-page";
import { PageHeader } from "@/components/ui/page-header";
import { requireServicePermission } from "@/lib/auth/session";
import { servicePath } from "@/lib/console-paths";

export const metadata: Metadata = { title: "Import clients" };

// Importing clients from another service or another Registrar: administrators only, also in the
// route it posts to (app/api/services/[serviceId]/clients/import).
export default async function ImportClientsPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  await requireServicePermission(serviceId, { migration: ["import"] });
  return (
    <ConsolePage breadcrumbs={[{ label: "Clients", href: servicePath(serviceId, "/clients") }, { label: "Import clients" }]}>
      <div className="grid gap-6">
        <PageHeader
          title="Import clients"
          description="Bring clients from an Authlete client list or RFC 7591/7592 client information. Check the file first: nothing is written until you import it, and importing the same file again changes nothing."
        />
        <ImportClients />
      </div>
    </ConsolePage>
  );
}
