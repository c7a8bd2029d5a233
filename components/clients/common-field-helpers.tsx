"use client";

import { Plus, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldClassName, Input } from "@/components/ui/input";
import { FieldHint, Label } from "@/components/ui/label";
import { cn } from "@/lib/cn";
import { defaultApplicationType, defaultTokenEndpointAuthMethod } from "@/lib/registration/members";
import type { ServicePolicy } from "@/lib/registration/policy";
import { applicationTypes } from "@/lib/registration/vocabulary";

type Document = Record<string, unknown>;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/**
 * Form controls for the members most registrations set, beside the JSON editor: each one rewrites the JSON,
 * so the editor stays the one source of the metadata (and its validation).
 */
export function CommonFieldHelpers({ document, onChange, policy }: { document: Document | undefined; onChange: (next: Document) => void; policy: ServicePolicy }) {
  const [redirectUri, setRedirectUri] = useState("");
  const doc = document ?? {};
  const redirects = strings(doc.redirect_uris);
  const set = (member: string, value: unknown) => onChange({ ...doc, [member]: value });

  function addRedirect() {
    const uri = redirectUri.trim();
    if (!uri) return;
    if (!redirects.includes(uri)) set("redirect_uris", [...redirects, uri]);
    setRedirectUri("");
  }

  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>Common fields</CardTitle>
      </CardHeader>
      <CardContent>
        <fieldset disabled={!document} className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4 disabled:opacity-60">
          <legend className="sr-only">Common fields</legend>
          {!document && <FieldHint>Fix the JSON to use these controls.</FieldHint>}
          <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-1.5">
            <Label htmlFor="helper-application-type">Application type</Label>
            <select
              id="helper-application-type"
              className={cn(fieldClassName, "h-9 min-w-0")}
              value={typeof doc.application_type === "string" ? doc.application_type : defaultApplicationType}
              onChange={(event) => set("application_type", event.target.value)}
            >
              {applicationTypes.map((type) => (
                <option key={type} value={type}>
                  {type === "web" ? "web (browser or server)" : "native (mobile or desktop)"}
                </option>
              ))}
            </select>
          </div>
          <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-1.5">
            <Label htmlFor="helper-auth-method">Token endpoint authentication</Label>
            <select
              id="helper-auth-method"
              className={cn(fieldClassName, "h-9 min-w-0 font-mono text-[13px]")}
              value={typeof doc.token_endpoint_auth_method === "string" ? doc.token_endpoint_auth_method : defaultTokenEndpointAuthMethod(policy)}
              onChange={(event) => set("token_endpoint_auth_method", event.target.value)}
            >
              {policy.allowedTokenEndpointAuthMethods.map((method) => (
                <option key={method} value={method}>
                  {method}
                </option>
              ))}
            </select>
          </div>
          <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-1.5">
            <Label htmlFor="helper-redirect-uri">Redirect URIs</Label>
            {redirects.length > 0 && (
              <ul className="grid grid-cols-[minmax(0,1fr)] gap-1" aria-label="Redirect URIs in the metadata">
                {redirects.map((uri) => (
                  <li key={uri} className="flex items-center gap-1 rounded-md bg-zinc-50 py-0.5 pr-0.5 pl-2 dark:bg-zinc-800/60">
                    <span className="min-w-0 flex-1 truncate font-mono text-[12.5px]" title={uri}>
                      {uri}
                    </span>
                    <Button variant="ghost" size="icon-sm" className="size-7" aria-label={`Remove ${uri}`} onClick={() => set("redirect_uris", redirects.filter((r) => r !== uri))}>
                      <X aria-hidden />
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <div className="flex min-w-0 gap-1.5">
              <Input
                id="helper-redirect-uri"
                type="url"
                placeholder="https://app.example.com/callback"
                value={redirectUri}
                onChange={(event) => setRedirectUri(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    event.preventDefault();
                    addRedirect();
                  }
                }}
                className="w-auto min-w-0 flex-1 font-mono text-[13px]"
              />
              <Button variant="secondary" onClick={addRedirect} disabled={!redirectUri.trim()}>
                <Plus aria-hidden />
                Add
              </Button>
            </div>
          </div>
        </fieldset>
      </CardContent>
    </Card>
  );
}
