import { ArrowLeft, ArrowRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { ActionBar } from "@/components/ui/action-bar";
import { Button, buttonClassName } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import type { MetadataIssue } from "@/lib/registration/metadata";

/**
 * The buttons of the edit and register flows: Cancel / Review on the first step, Back to edit / the save on
 * the review step. Both submit buttons submit the flow's form, which knows its step.
 */
export function FlowActions({
  step,
  cancelHref,
  reviewLabel,
  blockedReason,
  saveLabel,
  saving,
  onBack,
  note,
}: {
  step: 0 | 1 | 2;
  cancelHref: string;
  reviewLabel: string;
  /** Why the review cannot start yet (problems, nothing changed); null when it can. */
  blockedReason: string | null;
  saveLabel: string;
  saving: boolean;
  onBack: () => void;
  note?: ReactNode;
}) {
  return (
    <ActionBar className={note ? "justify-between" : undefined}>
      {note && <p className="text-[13px] text-zinc-500 dark:text-zinc-400">{note}</p>}
      <div className="flex flex-wrap items-center gap-2">
        {step === 0 ? (
          <>
            <Link href={cancelHref} className={buttonClassName({ variant: "secondary" })}>
              Cancel
            </Link>
            <Button type="submit" disabled={blockedReason !== null} title={blockedReason ?? undefined}>
              {reviewLabel}
              <ArrowRight aria-hidden />
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" onClick={onBack} disabled={saving || step === 2}>
              <ArrowLeft aria-hidden />
              Back to edit
            </Button>
            <Button type="submit" loading={saving} disabled={step === 2}>
              {saveLabel}
            </Button>
          </>
        )}
      </div>
    </ActionBar>
  );
}

/** Problems only the server found (e.g. a software statement it could not verify), listed above the editor. */
export function RefusedMetadata({ issues }: { issues: MetadataIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <Callout tone="danger" title="The service refused the metadata">
      <ul className="list-disc pl-4">
        {issues.map((issue) => (
          <li key={issue.message}>{issue.message}</li>
        ))}
      </ul>
    </Callout>
  );
}
