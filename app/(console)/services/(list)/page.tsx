import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ConsolePage } from "@/components/console/console-page";
import { CreateServiceButton, ServicesList } from "@/components/services/services-list";
import { PageHeader } from "@/components/ui/page-header";
import { roleAllows } from "@/lib/auth/permissions";
import { signInPath } from "@/lib/auth/return-path";
import { currentAdministrator } from "@/lib/auth/session";
import { requestPathHeader } from "@/lib/request-headers";
import { config } from "@/lib/config";
import { servicesForConsole } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Services" };

// Services: one Registrar for several authorization servers. Everyone signed in sees the services they have a
// role on, with their endpoints; the global administrator creates, renames and deletes them.
export default async function ServicesPage() {
  const administrator = await currentAdministrator();
  if (!administrator) redirect(signInPath((await headers()).get(requestPathHeader)));
  const canManage = roleAllows(administrator.role, { service: ["create"] });
  const { issuer } = config();
  const services = await servicesForConsole(administrator);
  return (
    <ConsolePage breadcrumbs={[{ label: "Services" }]}>
      <div className="grid gap-6">
        <PageHeader
          title="Services"
          description="Each service stands for one authorization server: its own clients, policy, initial access tokens and API keys, at its own endpoints."
          actions={canManage && <CreateServiceButton issuer={issuer} />}
        />
        <ServicesList services={services} canManage={canManage} issuer={issuer} />
      </div>
    </ConsolePage>
  );
}
