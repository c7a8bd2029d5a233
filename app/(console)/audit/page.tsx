import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { ConsolePage } from "@/components/console/console-page";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

// Placeholder until the audit log lands.
export default async function AuditPage() {
  await requirePermission({ audit: ["read"] });
  return (
    <ConsolePage breadcrumbs={[{ label: "Audit log" }]}>
      <PageHeader title="Audit log" description="Sign-ins, registrations, changes and refused requests." />
      <EmptyState
        className="mt-6"
        icon={ScrollText}
        title="The audit log will appear here"
        description="Every sign-in and every change to a client is already being recorded."
      />
    </ConsolePage>
  );
}
