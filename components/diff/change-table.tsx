import { dequal } from "dequal";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { changeKind, type Change, type ChangeKind } from "@/lib/registration/diff";
import { formatPath } from "@/lib/registration/members";

// The field-level view of a change set (a revision's, or an edit under review): one row per member, arrays
// item by item. No hooks, so server pages (history) and client steps (review) both render it.

const kinds: Record<ChangeKind, { label: string; variant: BadgeVariant }> = {
  added: { label: "Added", variant: "success" },
  removed: { label: "Removed", variant: "danger" },
  changed: { label: "Changed", variant: "warning" },
};

/** One value as JSON text: strings as they are, anything else in JSON notation. */
function ValueText({ value, className }: { value: unknown; className?: string }) {
  if (value === undefined) return <span className="text-zinc-400 dark:text-zinc-500">—</span>;
  const text = typeof value === "string" ? value : JSON.stringify(value, null, typeof value === "object" && value !== null ? 2 : undefined);
  return <span className={cn("font-mono text-[12.5px] break-all whitespace-pre-wrap", className)}>{text}</span>;
}

type ItemMark = "kept" | "removed" | "added";

/** Array items, each marked as kept, removed (before) or added (after). */
function Items({ items, other, side }: { items: unknown[]; other: unknown[] | undefined; side: "before" | "after" }) {
  const mark: ItemMark = side === "before" ? "removed" : "added";
  if (items.length === 0) return <span className="font-mono text-[12.5px] text-zinc-500">[]</span>;
  return (
    <ul className="grid gap-0.5">
      {items.map((item, i) => {
        const state: ItemMark = other?.some((o) => dequal(o, item)) ? "kept" : mark;
        return (
          <li
            key={i}
            className={cn(
              "flex gap-1.5 rounded px-1 py-px",
              state === "removed" && "bg-red-50 text-red-800 dark:bg-red-950/60 dark:text-red-200",
              state === "added" && "bg-emerald-50 text-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-200",
            )}
          >
            <span aria-hidden className="w-3 shrink-0 font-mono text-[12.5px] select-none">
              {state === "removed" ? "−" : state === "added" ? "+" : ""}
            </span>
            {state !== "kept" && <span className="sr-only">{state === "removed" ? "removed: " : "added: "}</span>}
            <ValueText value={item} />
          </li>
        );
      })}
    </ul>
  );
}

function Side({ change, side }: { change: Change; side: "before" | "after" }) {
  const value = change[side];
  const other = change[side === "before" ? "after" : "before"];
  if (Array.isArray(value)) return <Items items={value} other={Array.isArray(other) ? other : undefined} side={side} />;
  return <ValueText value={value} />;
}

export function ChangeTable({ changes }: { changes: Change[] }) {
  if (changes.length === 0) return <p className="px-3 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">No fields changed.</p>;
  return (
    <Table aria-label="Changed fields">
      <TableHeader>
        <TableRow>
          <TableHead className="w-[22%]">Member</TableHead>
          <TableHead className="w-24">Change</TableHead>
          <TableHead>Before</TableHead>
          <TableHead>After</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {changes.map((change) => {
          const kind = kinds[changeKind(change)];
          const member = formatPath(change.path);
          return (
            <TableRow key={member} className="align-top">
              <TableCell className="align-top font-mono text-[12.5px] font-medium break-all">{member}</TableCell>
              <TableCell className="align-top">
                <Badge variant={kind.variant}>{kind.label}</Badge>
              </TableCell>
              <TableCell className="align-top">
                <Side change={change} side="before" />
              </TableCell>
              <TableCell className="align-top">
                <Side change={change} side="after" />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
