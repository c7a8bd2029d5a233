"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { useRouter } from "next/navigation";
import { navigateAway } from "@/components/console/leave-guard";
import { useMemo, useState } from "react";
import { useController, useForm } from "react-hook-form";
import type { z } from "zod";
import type { AnalyzedText } from "@/components/metadata-editor/analysis";
import type { MetadataJsonSchema } from "@/components/metadata-editor/completion";
import { MetadataEditor } from "@/components/metadata-editor/metadata-editor";
import { metadataText } from "@/components/metadata-editor/text";
import { useMetadataAnalysis } from "@/components/metadata-editor/use-metadata-analysis";
import { onDemand } from "@/components/ui/on-demand";
import { toast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { clientPath, servicePath } from "@/lib/console-paths";
import { registerClient, type IssuedCredentials } from "@/lib/clients/actions";
import { changeConsequences } from "@/lib/clients/consequences";
import { clientDisplayName } from "@/lib/clients/display";
import type { registerClientFormSchema } from "@/lib/clients/schemas";
import { clientTemplates, type ClientTemplate } from "@/lib/clients/templates";
import { lazyZodResolver } from "@/lib/lazy-zod-resolver";
import { diffMetadata } from "@/lib/registration/diff";
import { inCanonicalOrder } from "@/lib/registration/members";
import type { MetadataIssue } from "@/lib/registration/metadata";
import type { ServicePolicy } from "@/lib/registration/policy";
import { CommonFieldHelpers } from "./common-field-helpers";
import { FlowActions, RefusedMetadata } from "./flow-actions";
import { FlowSteps } from "./flow-steps";
import { UnsavedChangesGuard } from "./unsaved-changes-guard";

// Registering a client in the console: a template fills the editor, helpers and the editor complete it, the
// review lists what will be registered, and the core registers it as a console client; the credentials are
// shown once.

const steps = ["Edit", "Review", "Registered"] as const;

type RegisterForm = ReturnType<typeof registerClientFormSchema>;

// The review (the fields to register) loads when it is first shown, not with the page.
const ReviewChanges = onDemand(() => import("./review-changes").then((m) => m.ReviewChanges));
// Loaded with the review step, not with the page: the one-time values it shows after the save never wait for it.
const CredentialsDialog = onDemand(() => import("./credentials-dialog").then((m) => m.CredentialsDialog));

/** `initial`: the first template's text with the server's analysis of it. */
export function RegisterClientFlow({ policy, jsonSchema, initial }: { policy: ServicePolicy; jsonSchema: MetadataJsonSchema; initial: AnalyzedText }) {
  const router = useRouter();
  const serviceId = useServiceId();
  const resolver = useMemo(() => lazyZodResolver(async () => (await import("@/lib/clients/schemas")).registerClientFormSchema(policy)), [policy]);
  const [template, setTemplate] = useState<ClientTemplate>(clientTemplates[0]!);
  const templateText = metadataText(template.metadata);
  const form = useForm<z.input<RegisterForm>, unknown, z.output<RegisterForm>>({ resolver, defaultValues: { metadataText: templateText } });
  const { field } = useController({ name: "metadataText", control: form.control });
  const [step, setStep] = useState<0 | 1 | 2>(0);
  const [saving, setSaving] = useState(false);
  const [serverIssues, setServerIssues] = useState<MetadataIssue[]>([]);
  const [credentials, setCredentials] = useState<IssuedCredentials | null>(null);

  const analysis = useMetadataAnalysis(field.value, policy, initial);
  const document = isObject(analysis.document) ? analysis.document : undefined;
  const changes = useMemo(() => (analysis.metadata ? diffMetadata({}, analysis.metadata) : []), [analysis.metadata]);
  const consequences = useMemo(() => (analysis.metadata ? changeConsequences({}, analysis.metadata, { hasSecret: false, policy }) : []), [analysis.metadata, policy]);
  const name = clientDisplayName(analysis.metadata ?? {});

  function chooseTemplate(next: ClientTemplate) {
    setTemplate(next);
    field.onChange(metadataText(next.metadata));
  }

  async function register() {
    setSaving(true);
    try {
      const result = await registerClient({ serviceId, metadata: document ?? {} });
      if (!result?.data) return void toast.error(result?.serverError ?? "The client could not be registered.");
      if (!result.data.ok) {
        setServerIssues(result.data.issues);
        return setStep(0);
      }
      setStep(2);
      setCredentials(result.data.credentials);
      toast.success(`Registered ${name}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      method="post"
      noValidate
      className="grid gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (step === 0) void form.handleSubmit(() => (setServerIssues([]), setStep(1)))();
        else if (step === 1) void register();
      }}
    >
      <UnsavedChangesGuard dirty={step < 2 && field.value !== templateText} />
      <FlowSteps steps={steps} current={step} />

      {step === 0 && (
        <>
          <fieldset className="grid gap-2">
            <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">Start from a template</legend>
            <div role="radiogroup" aria-label="Template" className="grid gap-2 sm:grid-cols-2 xl:grid-cols-5">
              {clientTemplates.map((t) => (
                <label
                  key={t.id}
                  className={cn(
                    "flex cursor-pointer flex-col gap-1 rounded-lg border bg-white p-3 text-left shadow-xs transition-colors dark:bg-zinc-900",
                    "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-500",
                    t.id === template.id ? "border-accent-500 ring-1 ring-accent-500" : "border-zinc-200 hover:border-zinc-300 dark:border-zinc-800 dark:hover:border-zinc-700",
                  )}
                >
                  <input type="radio" name="template" value={t.id} checked={t.id === template.id} onChange={() => chooseTemplate(t)} className="sr-only" />
                  <span className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{t.name}</span>
                  <span className="text-[12.5px] leading-snug text-zinc-600 dark:text-zinc-400">{t.description}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <RefusedMetadata issues={serverIssues} />
          <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,18rem)]">
            <MetadataEditor
              id="metadata"
              label="Metadata (JSON)"
              hint={
                <>
                  The client&apos;s metadata (RFC 7591 §2); the service adds defaults and the credentials. <kbd className="font-sans">Ctrl</kbd>-<kbd className="font-sans">Space</kbd> suggests
                  members and values.
                </>
              }
              value={field.value}
              onChange={field.onChange}
              analysis={analysis}
              jsonSchema={jsonSchema}
              changedFields={null}
              resetLabel="Reset to template"
              onReset={() => field.onChange(templateText)}
            />
            <CommonFieldHelpers document={document} onChange={(next) => field.onChange(`${JSON.stringify(next, null, 2)}\n`)} policy={policy} />
          </div>
        </>
      )}

      {step >= 1 && analysis.metadata && <ReviewChanges before={{}} after={inCanonicalOrder(analysis.metadata)} changes={changes} consequences={consequences} showJson={false} />}

      <FlowActions
        step={step}
        cancelHref={servicePath(serviceId, "/clients")}
        reviewLabel="Review"
        blockedReason={analysis.pending ? "Checking the metadata" : analysis.problems.length ? "Fix the problems first" : null}
        saveLabel="Register client"
        saving={saving}
        onBack={() => setStep(0)}
      />

      {step >= 1 && (
        <CredentialsDialog
          credentials={credentials}
          clientName={name}
          onDone={() => {
            const clientId = credentials!.clientId;
            setCredentials(null);
            navigateAway(router, clientPath(serviceId, clientId));
          }}
        />
      )}
    </form>
  );
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
