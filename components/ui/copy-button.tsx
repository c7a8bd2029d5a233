"use client";

import * as checkIcon from "lucide-react/icons/check";
import * as copyIcon from "lucide-react/icons/copy";
import { useEffect, useState } from "react";
import { cn } from "@/lib/cn";
import { Button } from "./button";
import { Tooltip } from "./tooltip";
import { toast } from "./toast";
import { lightIcon } from "@/components/ui/light-icon";

// Light icons: the console's frame and the clients list render these on every page.
const Check = lightIcon(checkIcon);
const Copy = lightIcon(copyIcon);

/** Copies `value`, shows a check for 2 s and announces "Copied" to screen readers. */
export function CopyButton({ value, label = "Copy", className }: { value: string; label?: string; className?: string }) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await writeClipboard(value);
      setCopied(true);
    } catch {
      toast.error("Could not copy to the clipboard. Select the text and copy it instead.");
    }
  }

  return (
    <>
      <Tooltip content={copied ? "Copied" : label}>
        <Button
          variant="ghost"
          size="icon-sm"
          className={cn("size-7 text-zinc-500 [&_svg]:size-3.5", copied && "text-emerald-600 dark:text-emerald-400", className)}
          aria-label={label}
          onClick={copy}
        >
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
        </Button>
      </Tooltip>
      <span aria-live="polite" className="sr-only">
        {copied ? "Copied" : ""}
      </span>
    </>
  );
}

// navigator.clipboard exists only in secure contexts; a console reached over plain http on an intranet name falls back.
export async function writeClipboard(text: string) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}
