import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { ConsolePage } from "@/components/console/console-page";
import { RoleBadge } from "@/components/console/role-badge";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { currentAdministrator } from "@/lib/auth/session";

// Rendered (403) when a page's requirePermission refuses the signed-in administrator's role.
export default async function Forbidden() {
  const administrator = await currentAdministrator();
  return (
    <ConsolePage breadcrumbs={[{ label: "Not allowed" }]}>
      <EmptyState
        titleAs="h1"
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
      >
        <Link href="/clients" className={buttonClassName({ variant: "secondary" })}>
          Back to clients
        </Link>
      </EmptyState>
    </ConsolePage>
  );
}
