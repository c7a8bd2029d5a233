"use client";

import { useState } from "react";

const sizes = { sm: "size-8 text-xs", lg: "size-12 text-base" } as const;

/**
 * The client's logo_uri, or its initials when it has none or the image does not load. The image comes from
 * wherever the client registered it, so it is sent no referrer.
 */
export function ClientLogo({ src, name, size = "sm" }: { src: string | null; name: string | null; size?: keyof typeof sizes }) {
  const [failed, setFailed] = useState(false);
  const box = `flex shrink-0 items-center justify-center overflow-hidden rounded-md border border-zinc-200 bg-white dark:border-zinc-700 dark:bg-zinc-800 ${sizes[size]}`;
  if (src && !failed)
    return (
      <span className={box}>
        {/* An arbitrary third-party URL: next/image would need every host listed in next.config. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={src}
          alt=""
          width={48}
          height={48}
          decoding="async"
          referrerPolicy="no-referrer"
          // An image that failed before hydration fired its error event before React listened for it; decode()
          // tells (naturalWidth cannot: an SVG without a size has none even when it loaded).
          ref={(img) => {
            if (img?.complete) img.decode().catch(() => setFailed(true));
          }}
          onError={() => setFailed(true)}
          className="size-full object-contain p-0.5"
        />
      </span>
    );
  return (
    <span aria-hidden className={`${box} font-semibold text-zinc-500 uppercase dark:text-zinc-400`}>
      {initials(name)}
    </span>
  );
}

function initials(name: string | null): string {
  const words = (name ?? "").match(/\p{L}[\p{L}\p{N}]*/gu) ?? [];
  return (words.length > 1 ? `${words[0]![0]}${words[1]![0]}` : (words[0]?.slice(0, 2) ?? "?")).toUpperCase();
}
