import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ConsolePage } from "@/components/console/console-page";
import { InitialAccessTokens } from "@/components/settings/initial-access-tokens";
import { PolicyForm } from "@/components/settings/policy-form";
import { ApiKeys } from "@/components/services/api-keys";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { roleAllows } from "@/lib/auth/permissions";
import { requireServicePermission } from "@/lib/auth/session";
import { serviceEndpoints } from "@/lib/services";
import { serviceApiKeys } from "@/lib/services/queries";
import { listInitialAccessTokens } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Settings" };

function Endpoint({ label, value, hint }: { label: string; value: string; hint: ReactNode }) {
  return (
    <div className="grid gap-1">
      <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</span>
      <span className="flex items-center gap-1 rounded-md border border-zinc-200 bg-zinc-50 py-0.5 pr-1 pl-2.5 font-mono text-[13px] dark:border-zinc-800 dark:bg-zinc-950">
        <span className="min-w-0 flex-1 truncate">{value}</span>
        <CopyButton value={value} label={`Copy the ${label.toLowerCase()}`} />
      </span>
      <span className="text-[12.5px] text-zinc-500 dark:text-zinc-400">{hint}</span>
    </div>
  );
}

// Settings (the service policy and its initial access tokens, RFC 7591 §3): everyone with a console role reads
// them; administrators change them.
export default async function SettingsPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const { administrator, service } = await requireServicePermission(serviceId, { settings: ["read"] });
  const { policy } = service;
  const [tokens, apiKeys] = await Promise.all([listInitialAccessTokens(serviceId), serviceApiKeys(serviceId)]);
  const endpoints = serviceEndpoints(serviceId);
  const canEdit = roleAllows(administrator.role, { settings: ["update"] });
  return (
    <ConsolePage breadcrumbs={[{ label: "Settings" }]}>
      <div className="grid gap-6">
        <PageHeader title="Settings" description="The service's registration policy, initial access tokens and endpoints." />
        <Card>
          <CardHeader>
            <CardTitle>Endpoints</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 py-4 md:grid-cols-2">
            <Endpoint label="Registration endpoint" value={endpoints.registration} hint="RFC 7591: client software registers itself here (also in the discovery documents)." />
            <Endpoint label="Authlete-compatible API base URL" value={endpoints.authleteApi} hint={<>For authorization servers that call Authlete&apos;s client registration API: …/client/registration[/get|/update|/delete].</>} />
          </CardContent>
        </Card>
        <PolicyForm policy={policy} canEdit={canEdit} />
        <InitialAccessTokens tokens={tokens} canEdit={canEdit} required={policy.registrationMode === "initial_access_token"} />
        <ApiKeys serviceId={serviceId} keys={apiKeys.keys} environmentKey={apiKeys.environmentKey} apiBase={endpoints.authleteApi} canEdit={canEdit} />
      </div>
    </ConsolePage>
  );
}
