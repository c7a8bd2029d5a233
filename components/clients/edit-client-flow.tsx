"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { dequal } from "dequal";
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
import { Callout } from "@/components/ui/callout";
import { Card, CardContent } from "@/components/ui/card";
import { onDemand } from "@/components/ui/on-demand";
import { toast } from "@/components/ui/toast";
import { clientHistoryPath, clientPath } from "@/lib/console-paths";
import { revertClient, updateClient, type SaveResult } from "@/lib/clients/actions";
import { changeConsequences } from "@/lib/clients/consequences";
import type { editClientFormSchema } from "@/lib/clients/schemas";
import { lazyZodResolver } from "@/lib/lazy-zod-resolver";
import { applyChanges, diffMetadata, overlappingPaths } from "@/lib/registration/diff";
import { inCanonicalOrder } from "@/lib/registration/members";
import type { ClientMetadata, MetadataIssue } from "@/lib/registration/metadata";
import type { ServicePolicy } from "@/lib/registration/policy";
import type { Conflict } from "@/lib/registration/service";
import { ClientIdField, RegistrationAccessTokenField } from "./credential-fields";
import { FlowActions, RefusedMetadata } from "./flow-actions";
import { FlowSteps } from "./flow-steps";
import { UnsavedChangesGuard } from "./unsaved-changes-guard";

// The edit page's three steps: Edit → Review → Saved. The form holds the registration
// access token and the metadata JSON; the browser validates with the core's schemas under the service's
// policy (loaded on demand), and the save goes through the core again, over the version the page was opened at.

export type EditableClient = {
  clientId: string;
  name: string;
  version: number;
  metadata: ClientMetadata;
  hasSecret: boolean;
  hasRegistrationAccessToken: boolean;
};

/** An earlier revision proposed as the new content (`/clients/{id}/revert/N`): saved as a revert while it is left as it is. */
export type RevertTarget = { version: number; metadata: ClientMetadata };

const steps = ["Edit", "Review", "Saved"] as const;

type EditForm = ReturnType<typeof editClientFormSchema>;

// The review (the diff) and a conflict's panel load when they are first shown, not with the page.
const ReviewChanges = onDemand(() => import("./review-changes").then((m) => m.ReviewChanges));
const ConflictPanel = onDemand(() => import("./conflict-panel").then((m) => m.ConflictPanel));
// Loaded with the review step, not with the page: the one-time values it shows after the save never wait for it.
const RotatedTokenDialog = onDemand(() => import("./rotated-token-dialog").then((m) => m.RotatedTokenDialog));

/**
 * `initial`: the editor's starting text (the metadata of `revertTo`, else the client's, in canonical order) with
 * the server's analysis of it.
 */
export function EditClientFlow({
  client,
  policy,
  jsonSchema,
  revertTo,
  initial,
}: {
  client: EditableClient;
  policy: ServicePolicy;
  jsonSchema: MetadataJsonSchema;
  revertTo?: RevertTarget;
  initial: AnalyzedText;
}) {
  const router = useRouter();
  const serviceId = useServiceId();
  const resolver = useMemo(() => lazyZodResolver(async () => (await import("@/lib/clients/schemas")).editClientFormSchema(policy)), [policy]);
  const initialText = initial.text;
  const clientPage = clientPath(serviceId, client.clientId);
  const form = useForm<z.input<EditForm>, unknown, z.output<EditForm>>({ resolver, defaultValues: { registrationAccessToken: "", metadataText: initialText } });
  const { field: metadataField } = useController({ name: "metadataText", control: form.control });
  const text = metadataField.value;

  // The version the edit is based on: the one the page was opened at, or the current one after a re-applied conflict.
  const [base, setBase] = useState({ version: client.version, metadata: client.metadata });
  // "Revert to this version" opens on the review of that version's content when it can be saved as
  // it is; content that no longer passes the service's rules, or that is the current metadata, opens in the editor.
  const [step, setStep] = useState<0 | 1 | 2>(() =>
    revertTo && initial.analysis.metadata && diffMetadata(client.metadata, initial.analysis.metadata).length > 0 ? 1 : 0,
  );
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [overlaps, setOverlaps] = useState<string[][]>([]);
  const [reapplied, setReapplied] = useState(false);
  const [serverIssues, setServerIssues] = useState<MetadataIssue[]>([]);
  const [rotatedToken, setRotatedToken] = useState<string | null>(null);

  const analysis = useMetadataAnalysis(text, policy, initial);
  const proposed = analysis.metadata ?? (isObject(analysis.document) ? analysis.document : undefined);
  const changes = useMemo(() => (proposed ? diffMetadata(base.metadata, proposed) : []), [base.metadata, proposed]);
  const consequences = useMemo(
    () => (analysis.metadata ? changeConsequences(base.metadata, analysis.metadata, { hasSecret: client.hasSecret, policy }) : []),
    [analysis.metadata, base.metadata, client.hasSecret, policy],
  );
  const reverting = !!revertTo && !reapplied && !!analysis.metadata && dequal(analysis.metadata, revertTo.metadata);
  const dirty = step < 2 && text !== initialText;
  const tokenError = form.formState.errors.registrationAccessToken?.message;

  function review() {
    setServerIssues([]);
    return form.handleSubmit(() => setStep(1))();
  }

  async function save({ registrationAccessToken }: z.output<EditForm>) {
    setSaving(true);
    try {
      const result = reverting
        ? await revertClient({ serviceId, clientId: client.clientId, registrationAccessToken, toVersion: revertTo!.version, expectedVersion: base.version })
        : await updateClient({ serviceId, clientId: client.clientId, registrationAccessToken, expectedVersion: base.version, metadata: analysis.document as Record<string, unknown> });
      if (result?.serverError) return void toast.error(result.serverError);
      const tokenProblem = result?.validationErrors && "registrationAccessToken" in result.validationErrors ? result.validationErrors.registrationAccessToken?._errors?.[0] : undefined;
      if (tokenProblem) return form.setError("registrationAccessToken", { message: tokenProblem }, { shouldFocus: true });
      if (!result?.data) return void toast.error("The change could not be saved. Check the form and try again.");
      handle(result.data);
    } finally {
      setSaving(false);
    }
  }

  function handle(result: SaveResult) {
    if (result.ok) {
      setStep(2);
      toast.success(`Saved as revision ${result.version}`);
      if (result.rotatedRegistrationAccessToken) setRotatedToken(result.rotatedRegistrationAccessToken);
      else navigateAway(router, clientPage);
      return;
    }
    if (result.reason === "invalid_token") return form.setError("registrationAccessToken", { message: result.message }, { shouldFocus: true });
    if (result.reason === "conflict") return setConflict(result.conflict);
    setServerIssues(result.issues);
    setStep(0);
  }

  /** Puts this edit (base → proposed) on top of the current version and goes back to review. */
  function reapply(current: Conflict) {
    const mine = diffMetadata(base.metadata, proposed ?? {});
    // What changed between the two versions as a whole: the conflict lists only the newest of the changes in between.
    const theirs = diffMetadata(base.metadata, current.currentMetadata);
    const merged = applyChanges(current.currentMetadata, mine);
    setOverlaps(overlappingPaths(mine, theirs));
    setBase({ version: current.currentVersion, metadata: current.currentMetadata });
    metadataField.onChange(metadataText(inCanonicalOrder(merged)));
    setReapplied(true);
    setConflict(null);
    if (current.registrationAccessTokenReplaced)
      form.setError("registrationAccessToken", { message: `The registration access token changed with version ${current.currentVersion}. Enter the current one.` });
    setStep(1);
  }

  function discardMine(current: Conflict) {
    setBase({ version: current.currentVersion, metadata: current.currentMetadata });
    metadataField.onChange(metadataText(inCanonicalOrder(current.currentMetadata)));
    setOverlaps([]);
    setReapplied(true);
    setConflict(null);
    setStep(0);
  }


  return (
    <form
      method="post"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (step === 0) void review();
        else if (step === 1) void form.handleSubmit(save)();
      }}
      className="grid gap-5"
    >
      <UnsavedChangesGuard dirty={dirty} />
      <FlowSteps steps={steps} current={step} />

      {revertTo && !reapplied && (
        <Callout tone={reverting ? "info" : "warning"} title={`Restoring version ${revertTo.version}`}>
          {!reverting
            ? `You changed the content of version ${revertTo.version}, so saving records an ordinary update rather than a revert.`
            : step === 0
              ? `The editor holds the metadata of version ${revertTo.version}. Review the changes and save: the history records a revert to version ${revertTo.version}.`
              : `These are the changes that restore the metadata of version ${revertTo.version}. Saving records a revert to version ${revertTo.version}; "Back to edit" changes the content first.`}
        </Callout>
      )}
      {!client.hasRegistrationAccessToken && (
        <Callout tone="warning" title="This client has no working registration access token">
          Its token was revoked. An administrator can re-issue one from the actions above; saving needs it.
        </Callout>
      )}
      {conflict && <ConflictPanel conflict={conflict} historyHref={clientHistoryPath(serviceId, client.clientId, { before: conflict.since[0]?.version })} onReapply={() => reapply(conflict)} onDiscard={() => discardMine(conflict)} />}

      <Card>
        <CardContent className="grid gap-4 py-4 md:grid-cols-2">
          <ClientIdField clientId={client.clientId} />
          <RegistrationAccessTokenField {...form.register("registrationAccessToken")} error={tokenError} />
        </CardContent>
      </Card>

      {step === 0 && (
        <>
          <RefusedMetadata issues={serverIssues} />
          <MetadataEditor
            id="metadata"
            label="Metadata (JSON)"
            hint={
              <>
                The client&apos;s registered metadata (RFC 7591 §2). Members you remove are deleted; <kbd className="font-sans">Ctrl</kbd>-<kbd className="font-sans">Space</kbd> suggests members and values.
              </>
            }
            value={text}
            onChange={metadataField.onChange}
            analysis={analysis}
            jsonSchema={jsonSchema}
            changedFields={proposed ? changes.length : null}
            resetLabel="Reset to current"
            onReset={() => metadataField.onChange(metadataText(inCanonicalOrder(base.metadata)))}
          />
        </>
      )}

      {step >= 1 && proposed && <ReviewChanges before={inCanonicalOrder(base.metadata)} after={inCanonicalOrder(analysis.metadata ?? proposed)} changes={changes} consequences={consequences} overlaps={overlaps} />}

      <FlowActions
        step={step}
        cancelHref={clientPage}
        reviewLabel="Review changes"
        blockedReason={analysis.pending ? "Checking the metadata" : analysis.problems.length ? "Fix the problems first" : changes.length === 0 ? "Nothing has changed yet" : null}
        saveLabel={reverting ? `Save revert to version ${revertTo!.version}` : "Save changes"}
        saving={saving}
        onBack={() => setStep(0)}
        note={`Based on version ${base.version}`}
      />

      {step >= 1 && (
        <RotatedTokenDialog
          token={rotatedToken}
          onDone={() => {
            setRotatedToken(null);
            navigateAway(router, clientPage);
          }}
        />
      )}
    </form>
  );
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
