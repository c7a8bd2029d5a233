"use client";

import { Download } from "lucide-react";
import { Button } from "./button";

/** Saves `content` as a file named `filename` (made in the browser; nothing is fetched again). */
export function DownloadButton({ content, filename, type = "application/json", children = "Download" }: { content: string; filename: string; type?: string; children?: React.ReactNode }) {
  function download() {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = Object.assign(document.createElement("a"), { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
  return (
    <Button variant="secondary" size="sm" onClick={download}>
      <Download aria-hidden />
      {children}
    </Button>
  );
}
