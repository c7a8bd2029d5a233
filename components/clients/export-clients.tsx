"use client";

import * as downloadIcon from "lucide-react/icons/download";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { lightIcon } from "@/components/ui/light-icon";
import { onDemand, useOpenedOnce } from "@/components/ui/on-demand";
import type { ExportClientsDialogProps } from "./export-clients-dialog";

const Download = lightIcon(downloadIcon);

// The dialog (and its form) is fetched the first time it opens: the list's first load carries only the button.
const ExportClientsDialog = onDemand(() => import("./export-clients-dialog").then((m) => m.ExportClientsDialog));

/** The clients list's Export button: all clients or those of the current filter, as NDJSON. */
export function ExportClients(props: Omit<ExportClientsDialogProps, "open" | "onOpenChange">) {
  const [open, setOpen] = useState(false);
  const opened = useOpenedOnce(open);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        <Download aria-hidden />
        Export
      </Button>
      {opened && <ExportClientsDialog {...props} open={open} onOpenChange={setOpen} />}
    </>
  );
}
