import { ShieldAlert } from "lucide-react";
import { ServiceLink } from "@/components/console/service-link";
import { RoleBadge } from "@/components/console/role-badge";
import { RouteState } from "@/components/console/route-state";
import { buttonClassName } from "@/components/ui/button";
import { currentAdministrator } from "@/lib/auth/session";

// Rendered (403) when a page's requirePermission refuses the signed-in administrator's role.
export default async function Forbidden() {
  const administrator = await currentAdministrator();
  return (
    <RouteState
      breadcrumb="Not allowed"
      icon={ShieldAlert}
      title="Your role does not allow this page"
      description={
        <>
          You are signed in as {administrator?.email ?? "an administrator"}
          {administrator && (
            <>
              {" "}
              with the role <RoleBadge role={administrator.role} />
            </>
          )}
          . Ask an administrator if you need more access.
        </>
      }
      actions={
        <ServiceLink path="/clients" className={buttonClassName({ variant: "secondary" })}>
          Back to clients
        </ServiceLink>
      }
    />
  );
}
