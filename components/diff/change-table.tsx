import type { Change } from "@/lib/registration/diff";
import { changeKind } from "@/lib/registration/diff";

// Placeholder for the seam with the change work (branch console-change), which replaces this file with the
// review step's table of changes. Same signature; a plain list meanwhile.
export function ChangeTable({ changes }: { changes: Change[] }) {
  return (
    <ul className="grid gap-1 font-mono text-xs">
      {changes.map((change) => (
        <li key={change.path.join(".")}>
          {changeKind(change)} {change.path.join(".")}: {JSON.stringify(change.before) ?? "—"} → {JSON.stringify(change.after) ?? "—"}
        </li>
      ))}
    </ul>
  );
}
