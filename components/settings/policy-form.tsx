"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Controller, useFieldArray, useForm, type FieldError as HookFieldError } from "react-hook-form";
import { ActionBar } from "@/components/ui/action-bar";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Textarea } from "@/components/ui/input";
import { FieldError, FieldHint, Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { lazyZodResolver } from "@/lib/lazy-zod-resolver";
import { saveServicePolicy } from "@/lib/settings/actions";
import type { ServicePolicy, ServicePolicyInput } from "@/lib/registration/policy";
import { grantTypes, jweAlgorithms, signingAlgorithms, tokenEndpointAuthMethods } from "@/lib/registration/vocabulary";

// The service policy (who may register, and what a client may register) as a form, validated with the policy's
// own schema in the browser and again by the core when it is saved. Viewers and editors see it read-only.

const modes = [
  { value: "open", label: "Open", description: "Any client software may register itself at the registration endpoint." },
  { value: "initial_access_token", label: "Initial access token", description: "Registration needs an initial access token issued below (RFC 7591 §3)." },
  { value: "console_only", label: "Console only", description: "Only administrators register clients, here in the console." },
] as const;

const switches = [
  ["rotateRegistrationAccessTokenOnUpdate", "Rotate the registration access token on every update", "The old token stops working at once; the client software gets the new one in the response."],
  ["consoleClientsSelfManaged", "Clients registered in the console may manage themselves", "Allows RFC 7592 reads, updates and deletes with their registration access token."],
  ["requireSoftwareStatement", "Require a software statement", "Registrations without a signed statement from a trusted issuer are refused."],
  ["blockDuplicateSoftwareId", "Block a duplicate software_id", "A second active client with the same software_id is refused."],
  ["allowHttpLoopbackRedirectsForWeb", "Allow http redirect URIs on loopback hosts for web clients", "For local development (http://127.0.0.1, http://localhost)."],
  ["requireReverseDnsNativeSchemes", "Require reverse domain name schemes for native clients", "e.g. com.example.app:/callback (RFC 8252 §7.1)."],
] as const;

const limits = [
  ["maxRedirectUris", "Redirect URIs per client"],
  ["maxContacts", "Contacts per client"],
  ["maxJwksKeys", "Keys in jwks"],
  ["maxArrayItems", "Items in other lists"],
  ["maxStringLength", "Characters per string"],
  ["maxMetadataBytes", "Metadata size (bytes)"],
] as const;

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);
const optionalText = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : null);
const optionalNumber = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader className="block">
        <CardTitle>{title}</CardTitle>
        {description && <p className="mt-0.5 text-[13px] text-zinc-500 dark:text-zinc-400">{description}</p>}
      </CardHeader>
      <CardContent className="grid gap-4 py-4">{children}</CardContent>
    </Card>
  );
}

function Checkboxes({ legend, name, values, register, error }: { legend: string; name: string; values: readonly string[]; register: () => object; error?: string }) {
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="mb-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">{legend}</legend>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(15rem,1fr))] gap-x-4 gap-y-1.5">
        {values.map((value) => (
          <label key={value} className="flex items-center gap-2 font-mono text-[12.5px] text-zinc-800 dark:text-zinc-200">
            <input type="checkbox" value={value} {...register()} className="size-4 accent-accent-600" />
            <span className="break-all" title={value}>
              {value}
            </span>
          </label>
        ))}
      </div>
      {error && <FieldError id={`${name}-error`}>{error}</FieldError>}
    </fieldset>
  );
}

/** A JSON value edited as text; invalid JSON leaves the value unset, so the schema reports it. */
function JsonTextarea({ id, value, onChange, invalid }: { id: string; value: unknown; onChange: (value: unknown) => void; invalid: boolean }) {
  const [text, setText] = useState(() => JSON.stringify(value ?? { keys: [] }, null, 2));
  const [syntax, setSyntax] = useState(false);
  return (
    <>
      <Textarea
        id={id}
        value={text}
        rows={5}
        spellCheck={false}
        aria-invalid={invalid || syntax ? true : undefined}
        className="font-mono text-[12.5px]"
        onChange={(event) => {
          setText(event.target.value);
          try {
            onChange(JSON.parse(event.target.value));
            setSyntax(false);
          } catch {
            onChange(undefined);
            setSyntax(true);
          }
        }}
      />
      {syntax && <FieldError>Not valid JSON</FieldError>}
    </>
  );
}

const message = (error: HookFieldError | { message?: string } | undefined) => error?.message;

export function PolicyForm({ policy, canEdit }: { policy: ServicePolicy; canEdit: boolean }) {
  const router = useRouter();
  const serviceId = useServiceId();
  const form = useForm<ServicePolicyInput, unknown, ServicePolicy>({ resolver: lazyZodResolver(async () => (await import("@/lib/registration/policy")).ServicePolicySchema), defaultValues: policy });
  const issuers = useFieldArray({ control: form.control, name: "trustedSoftwareStatementIssuers" });
  const { errors, isDirty, isSubmitting } = form.formState;

  async function save(values: ServicePolicy) {
    const result = await saveServicePolicy({ serviceId, policy: values });
    if (!result?.data) return void toast.error(result?.serverError ?? "The settings could not be saved. Check the highlighted fields.");
    if (!result.data.ok) return void toast.error(result.data.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    const { changed } = result.data;
    toast.success(changed.length ? `Settings saved (${changed.length} ${changed.length === 1 ? "change" : "changes"})` : "Nothing changed");
    form.reset(values);
    router.refresh();
  }

  return (
    <form method="post" noValidate onSubmit={form.handleSubmit(save)} aria-label="Service policy">
      <fieldset disabled={!canEdit} className="grid gap-4">
        <legend className="sr-only">Service policy</legend>
        {!canEdit && <Callout>Only administrators can change these settings.</Callout>}

        <Section title="Registration" description="Who may register clients and how registrations are managed.">
          <fieldset className="grid gap-2">
            <legend className="mb-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">Registration mode</legend>
            <div className="grid gap-2 md:grid-cols-3">
              {modes.map((mode) => (
                <label
                  key={mode.value}
                  className="flex cursor-pointer gap-2.5 rounded-lg border border-zinc-200 p-3 has-[:checked]:border-accent-500 has-[:checked]:ring-1 has-[:checked]:ring-accent-500 dark:border-zinc-800"
                >
                  <input type="radio" value={mode.value} {...form.register("registrationMode")} className="mt-0.5 size-4 accent-accent-600" />
                  <span className="grid gap-0.5">
                    <span className="text-sm font-medium">{mode.label}</span>
                    <span className="text-[12.5px] text-zinc-600 dark:text-zinc-400">{mode.description}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-3 md:grid-cols-2">
            {switches.map(([name, label, hint]) => (
              <label key={name} className="flex gap-2.5">
                <input type="checkbox" {...form.register(name)} className="mt-0.5 size-4 shrink-0 accent-accent-600" aria-describedby={`${name}-hint`} />
                <span className="grid gap-0.5">
                  <span className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{label}</span>
                  <FieldHint id={`${name}-hint`}>{hint}</FieldHint>
                </span>
              </label>
            ))}
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            <div className="grid content-start gap-1.5">
              <Label htmlFor="maxClients">Maximum clients</Label>
              <Input id="maxClients" type="number" min={1} placeholder="Unlimited" {...form.register("maxClients", { setValueAs: optionalNumber })} aria-invalid={errors.maxClients ? true : undefined} aria-describedby="maxClients-hint" />
              {errors.maxClients && <FieldError>{message(errors.maxClients)}</FieldError>}
              <FieldHint id="maxClients-hint">Empty: no limit.</FieldHint>
            </div>
            <div className="grid content-start gap-1.5">
              <Label htmlFor="clientSecretLifetimeSeconds">Client secret lifetime (seconds)</Label>
              <Input id="clientSecretLifetimeSeconds" type="number" min={0} {...form.register("clientSecretLifetimeSeconds", { valueAsNumber: true })} aria-invalid={errors.clientSecretLifetimeSeconds ? true : undefined} aria-describedby="secret-lifetime-hint" />
              {errors.clientSecretLifetimeSeconds && <FieldError>{message(errors.clientSecretLifetimeSeconds)}</FieldError>}
              <FieldHint id="secret-lifetime-hint">0: secrets never expire (client_secret_expires_at = 0).</FieldHint>
            </div>
            <div className="grid content-start gap-1.5">
              <Label htmlFor="openRegistrationMax">Open registrations per address</Label>
              <Input
                id="openRegistrationMax"
                type="number"
                min={1}
                placeholder="Unlimited"
                {...form.register("openRegistrationPerAddress.max", { setValueAs: optionalNumber })}
                aria-invalid={errors.openRegistrationPerAddress?.max ? true : undefined}
                aria-describedby="openRegistrationMax-hint"
              />
              {errors.openRegistrationPerAddress?.max && <FieldError>{message(errors.openRegistrationPerAddress.max)}</FieldError>}
              <FieldHint id="openRegistrationMax-hint">
                Registrations without an initial access token from one client address, per window; beyond it, 429 with Retry-After. Empty: no limit.
              </FieldHint>
            </div>
            <div className="grid content-start gap-1.5">
              <Label htmlFor="openRegistrationWindowSeconds">Window for registrations per address (seconds)</Label>
              <Input
                id="openRegistrationWindowSeconds"
                type="number"
                min={1}
                max={86400}
                {...form.register("openRegistrationPerAddress.windowSeconds", { valueAsNumber: true })}
                aria-invalid={errors.openRegistrationPerAddress?.windowSeconds ? true : undefined}
                aria-describedby="openRegistrationWindowSeconds-hint"
              />
              {errors.openRegistrationPerAddress?.windowSeconds && <FieldError>{message(errors.openRegistrationPerAddress.windowSeconds)}</FieldError>}
              <FieldHint id="openRegistrationWindowSeconds-hint">1 to 86400 (a day); the count starts afresh when a window ends.</FieldHint>
            </div>
            <div className="grid content-start gap-1.5 md:col-span-2">
              <Label htmlFor="registrationManagementEndpoint">Registration management endpoint</Label>
              <Input
                id="registrationManagementEndpoint"
                type="url"
                placeholder="Registrar's own /register"
                className="font-mono text-[12.5px]"
                {...form.register("registrationManagementEndpoint", { setValueAs: optionalText })}
                aria-invalid={errors.registrationManagementEndpoint ? true : undefined}
                aria-describedby="registrationManagementEndpoint-hint"
              />
              {errors.registrationManagementEndpoint && <FieldError>{message(errors.registrationManagementEndpoint)}</FieldError>}
              <FieldHint id="registrationManagementEndpoint-hint">
                When an authorization server calls Registrar&apos;s Authlete-compatible API, its own client configuration endpoint, e.g. https://as.example.com/register. Each
                client&apos;s registration_client_uri is this URL followed by /client_id (RFC 7592 §3). Empty: Registrar&apos;s own endpoint.
              </FieldHint>
            </div>
          </div>
        </Section>

        <Section title="Allowed values" description="What client metadata may use. Registrations and updates with anything else are refused with the member named.">
          <Checkboxes legend="Grant types" name="allowedGrantTypes" values={grantTypes} register={() => form.register("allowedGrantTypes")} error={message(errors.allowedGrantTypes as HookFieldError)} />
          <Checkboxes legend="Token endpoint authentication methods" name="allowedTokenEndpointAuthMethods" values={tokenEndpointAuthMethods} register={() => form.register("allowedTokenEndpointAuthMethods")} error={message(errors.allowedTokenEndpointAuthMethods as HookFieldError)} />
          <Checkboxes legend="Signing algorithms" name="allowedSigningAlgorithms" values={signingAlgorithms} register={() => form.register("allowedSigningAlgorithms")} error={message(errors.allowedSigningAlgorithms as HookFieldError)} />
          <Checkboxes legend="Encryption algorithms" name="allowedEncryptionAlgorithms" values={jweAlgorithms} register={() => form.register("allowedEncryptionAlgorithms")} error={message(errors.allowedEncryptionAlgorithms as HookFieldError)} />
          <div className="grid gap-1.5">
            <Label htmlFor="allowedRedirectHosts">Allowed redirect hosts</Label>
            <Controller
              control={form.control}
              name="allowedRedirectHosts"
              render={({ field }) => (
                <Textarea
                  id="allowedRedirectHosts"
                  rows={3}
                  placeholder={"app.example.com\n*.example.org"}
                  className="font-mono text-[12.5px]"
                  defaultValue={(field.value ?? []).join("\n")}
                  onChange={(event) => field.onChange(lines(event.target.value))}
                  onBlur={field.onBlur}
                  aria-describedby="allowedRedirectHosts-hint"
                />
              )}
            />
            <FieldHint id="allowedRedirectHosts-hint">One host per line, exact or *.example.com, for https redirect URIs. Empty: any host.</FieldHint>
          </div>
        </Section>

        <Section title="Trusted software statement issuers" description="Software statements (RFC 7591 §2.3) signed by these issuers' keys are trusted; their claims override the submitted metadata.">
          {issuers.fields.length === 0 && <p className="text-[13px] text-zinc-500 dark:text-zinc-400">No trusted issuers: software statements are refused as untrusted.</p>}
          {issuers.fields.map((issuer, index) => {
            const issuerErrors = errors.trustedSoftwareStatementIssuers?.[index];
            return (
              <div key={issuer.id} className="grid gap-3 rounded-lg border border-zinc-200 p-3 md:grid-cols-2 dark:border-zinc-800">
                <div className="grid content-start gap-1.5">
                  <Label htmlFor={`issuer-${index}`}>Issuer (iss)</Label>
                  <Input id={`issuer-${index}`} className="font-mono text-[13px]" {...form.register(`trustedSoftwareStatementIssuers.${index}.issuer`)} aria-invalid={issuerErrors?.issuer ? true : undefined} />
                  {issuerErrors?.issuer && <FieldError>{message(issuerErrors.issuer)}</FieldError>}
                  <Label htmlFor={`approved-${index}`} className="mt-2">
                    Approved software_id values
                  </Label>
                  <Controller
                    control={form.control}
                    name={`trustedSoftwareStatementIssuers.${index}.approvedSoftwareIds`}
                    render={({ field }) => (
                      <Textarea
                        id={`approved-${index}`}
                        rows={2}
                        className="font-mono text-[12.5px]"
                        placeholder="Any software_id"
                        defaultValue={(field.value ?? []).join("\n")}
                        onChange={(event) => field.onChange(lines(event.target.value).length ? lines(event.target.value) : undefined)}
                      />
                    )}
                  />
                  <FieldHint>One per line. Empty: every statement of this issuer is approved.</FieldHint>
                </div>
                <div className="grid content-start gap-1.5">
                  <Label htmlFor={`jwks-${index}`}>Public keys (JWKS)</Label>
                  <Controller
                    control={form.control}
                    name={`trustedSoftwareStatementIssuers.${index}.jwks`}
                    render={({ field }) => <JsonTextarea id={`jwks-${index}`} value={field.value} onChange={field.onChange} invalid={!!issuerErrors?.jwks} />}
                  />
                  {issuerErrors?.jwks && <FieldError>The JWKS must be {"{"}&quot;keys&quot;: [ … ]{"}"} with at least one key.</FieldError>}
                  <Button variant="ghost" size="sm" className="justify-self-end text-red-700 dark:text-red-400" onClick={() => issuers.remove(index)}>
                    <Trash2 aria-hidden />
                    Remove issuer
                  </Button>
                </div>
              </div>
            );
          })}
          <Button variant="secondary" size="sm" className="justify-self-start" onClick={() => issuers.append({ issuer: "", jwks: { keys: [] } })}>
            <Plus aria-hidden />
            Add trusted issuer
          </Button>
        </Section>

        <Section title="Limits" description="Upper bounds on a client's metadata, checked on every registration and update.">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {limits.map(([name, label]) => {
              const error = errors.limits?.[name];
              return (
                <div key={name} className="grid content-start gap-1.5">
                  <Label htmlFor={`limit-${name}`}>{label}</Label>
                  <Input id={`limit-${name}`} type="number" min={1} {...form.register(`limits.${name}`, { valueAsNumber: true })} aria-invalid={error ? true : undefined} />
                  {error && <FieldError>{message(error)}</FieldError>}
                </div>
              );
            })}
          </div>
        </Section>

        {canEdit && (
          <ActionBar>
            <Button variant="secondary" onClick={() => form.reset(policy)} disabled={!isDirty || isSubmitting}>
              Discard changes
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Save settings
            </Button>
          </ActionBar>
        )}
      </fieldset>
    </form>
  );
}
