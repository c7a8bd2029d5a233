import { Settings } from "lucide-react";
import type { Metadata } from "next";
import { ConsolePage } from "@/components/console/console-page";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings" };

// Placeholder until service settings land.
export default async function SettingsPage() {
  await requirePermission({ settings: ["read"] });
  return (
    <ConsolePage breadcrumbs={[{ label: "Settings" }]}>
      <PageHeader title="Settings" description="The service's name, registration policies and API access." />
      <EmptyState
        className="mt-6"
        icon={Settings}
        title="Nothing to configure here yet"
        description="Service settings and registration policies will be managed on this page."
      />
    </ConsolePage>
  );
}
