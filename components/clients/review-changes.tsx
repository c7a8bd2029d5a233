import { ChangeTable } from "@/components/diff/change-table";
import { JsonDiff } from "@/components/diff/json-diff";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Consequence } from "@/lib/clients/consequences";
import type { Change } from "@/lib/registration/diff";
import { formatPath } from "@/lib/registration/members";

/** The review step: what the save will do in words, the changed fields, and both documents side by side. */
export function ReviewChanges({
  before,
  after,
  changes,
  consequences,
  overlaps = [],
  showJson = true,
}: {
  before: unknown;
  after: unknown;
  changes: Change[];
  consequences: Consequence[];
  /** Members changed both by this edit and by someone else meanwhile (after a re-applied conflict). */
  overlaps?: string[][];
  showJson?: boolean;
}) {
  return (
    <div className="grid gap-4">
      {overlaps.length > 0 && (
        <Callout tone="danger" title="Changed on both sides">
          You and another administrator both changed {overlaps.map((p) => <code key={p.join(".")} className="mx-0.5 font-mono">{formatPath(p)}</code>)}. Your
          value is the one below: check it before saving.
        </Callout>
      )}
      {consequences.length > 0 && (
        <section aria-label="What this change does" className="grid gap-2">
          {consequences.map((c) => (
            <Callout key={c.message} tone={c.tone}>
              {c.message}
            </Callout>
          ))}
        </section>
      )}
      <Card>
        <CardHeader>
          <CardTitle>
            {changes.length === 1 ? "1 field" : `${changes.length} fields`} {Object.keys(before ?? {}).length === 0 ? "to register" : "changed"}
          </CardTitle>
        </CardHeader>
        <ChangeTable changes={changes} />
      </Card>
      {showJson && (
        <Card>
          <CardHeader>
            <CardTitle>Side by side</CardTitle>
          </CardHeader>
          <CardContent className="p-3">
            <JsonDiff before={before} after={after} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
