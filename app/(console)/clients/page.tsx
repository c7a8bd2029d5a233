import { AppWindow } from "lucide-react";
import type { Metadata } from "next";
import { ConsolePage } from "@/components/console/console-page";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Clients" };

// Placeholder until the clients list lands; it keeps the frame's first page real.
export default async function ClientsPage() {
  await requirePermission({ client: ["read"] });
  const registrationEndpoint = `${config().issuer}/register`;
  return (
    <ConsolePage breadcrumbs={[{ label: "Clients" }]}>
      <PageHeader title="Clients" description="Applications registered with this service." />
      <EmptyState
        className="mt-6"
        icon={AppWindow}
        title="No clients yet"
        description="A client is an application that signs people in through this authorization server. Client software registers itself at the registration endpoint:"
      >
        <span className="flex items-center gap-1 rounded-md border border-zinc-200 bg-zinc-50 py-0.5 pr-1 pl-2.5 font-mono text-[13px] dark:border-zinc-800 dark:bg-zinc-900">
          {registrationEndpoint}
          <CopyButton value={registrationEndpoint} label="Copy the registration endpoint" />
        </span>
      </EmptyState>
    </ConsolePage>
  );
}
