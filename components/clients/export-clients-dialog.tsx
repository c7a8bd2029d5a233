"use client";

import { useServiceId } from "@/components/console/use-service-id";
import { servicePath } from "@/lib/console-paths";
import { TriangleAlert } from "lucide-react";
import { Suspense, use, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { cn } from "@/lib/cn";
import type { ClientCount } from "@/lib/clients/list";

export type ExportClientsDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The whole service's live clients. */
  total: ClientCount;
  /** How many clients the list's filter matches, or null when the list is not filtered. */
  filtered: Promise<ClientCount> | null;
  /** The list's query string: the filter the export applies when scoped to it. */
  filter: string;
  /** Administrators only: the server refuses secrets to other roles anyway. */
  canExportSecrets: boolean;
};

const countText = (count: ClientCount) => `${count.exact ? "" : "about "}${count.value.toLocaleString("en")} ${count.value === 1 ? "client" : "clients"}`;

/**
 * Exports clients as NDJSON of RFC 7591 client information, one client a line. The form posts to
 * /api/services/{serviceId}/clients/export, whose answer is a download: the page stays. Client secrets only when ticked, and only
 * for administrators; the export is recorded in the audit log.
 */
export function ExportClientsDialog({ open, onOpenChange, total, filtered, filter, canExportSecrets }: ExportClientsDialogProps) {
  const serviceId = useServiceId();
  const [scope, setScope] = useState<"all" | "filter">(filtered ? "filter" : "all");
  const [secrets, setSecrets] = useState(false);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form method="post" action={`/api${servicePath(serviceId, "/clients/export")}`} onSubmit={() => setTimeout(() => onOpenChange(false), 0)} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Export clients</DialogTitle>
            <DialogDescription>
              A file of RFC 7591 client information, one client per line (NDJSON), that Registrar and <code>npm run clients:import</code> can import.
            </DialogDescription>
          </DialogHeader>
          <input type="hidden" name="filter" value={filter} />
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium text-zinc-900 dark:text-zinc-100">Which clients</legend>
            <ScopeOption value="all" checked={scope === "all"} onChange={setScope} label="All clients" detail={countText(total)} />
            <ScopeOption
              value="filter"
              checked={scope === "filter"}
              onChange={setScope}
              disabled={!filtered}
              label="The clients of the current filter"
              detail={filtered ? <Suspense fallback="counting…"><FilteredCount count={filtered} /></Suspense> : "The list is not filtered"}
            />
          </fieldset>
          {canExportSecrets && (
            <div className="grid gap-2">
              <label className="flex cursor-pointer items-start gap-2.5 text-sm">
                <input type="checkbox" name="secrets" checked={secrets} onChange={(event) => setSecrets(event.target.checked)} className="mt-0.5 size-4 accent-accent-600" />
                <span className="grid gap-0.5">
                  <span className="font-medium text-zinc-900 dark:text-zinc-100">Include client secrets</span>
                  <span className="text-[13px] text-zinc-600 dark:text-zinc-400">Each confidential client&apos;s <code>client_secret</code> in plain text, and a hash of each registration access token, so that clients imported elsewhere keep managing themselves.</span>
                </span>
              </label>
              {secrets && (
                <p role="alert" className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-[13px] text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200">
                  <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
                  Anyone with this file can act as these clients. Keep it as you keep the secrets themselves, and delete it once imported. The export is recorded in the audit log.
                </p>
              )}
            </div>
          )}
          <DialogFooter>
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" name="scope" value={scope}>
              {secrets ? "Download with secrets" : "Download"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function FilteredCount({ count }: { count: Promise<ClientCount> }) {
  return <>{countText(use(count))}</>;
}

function ScopeOption({
  value,
  checked,
  onChange,
  label,
  detail,
  disabled,
}: {
  value: "all" | "filter";
  checked: boolean;
  onChange: (value: "all" | "filter") => void;
  label: string;
  detail: React.ReactNode;
  disabled?: boolean;
}) {
  return (
    <label
      className={cn(
        "flex items-center gap-2.5 rounded-md border px-3 py-2 text-sm",
        checked ? "border-accent-500 bg-accent-50/50 dark:bg-accent-950/30" : "border-zinc-200 dark:border-zinc-800",
        disabled ? "cursor-not-allowed opacity-60" : "cursor-pointer",
      )}
    >
      <input type="radio" name="scope-choice" value={value} checked={checked} disabled={disabled} onChange={() => onChange(value)} className="size-4 accent-accent-600" />
      <span className="flex-1 font-medium text-zinc-900 dark:text-zinc-100">{label}</span>
      <span className="text-[13px] text-zinc-500 tabular-nums dark:text-zinc-400">{detail}</span>
    </label>
  );
}
