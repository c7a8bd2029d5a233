import * as chevronLeftIcon from "lucide-react/icons/chevron-left";
import * as chevronRightIcon from "lucide-react/icons/chevron-right";
import Link from "next/link";
import { cn } from "@/lib/cn";
import { buttonClassName } from "./button";
import { lightIcon } from "@/components/ui/light-icon";

// Light icons: the console's frame and the clients list render these on every page.
const ChevronLeft = lightIcon(chevronLeftIcon);
const ChevronRight = lightIcon(chevronRightIcon);

const formatCount = (n: number) => n.toLocaleString("en");

/**
 * Keyset paging under a table: "1–50 of about 1,024,381" and Previous / Next links (null = no such page).
 * `total` is omitted where counting is not worth it.
 */
export function Pagination({
  start,
  shown,
  total,
  previousHref,
  nextHref,
  label,
  className,
}: {
  start: number;
  shown: number;
  total?: { value: number; exact: boolean };
  previousHref: string | null;
  nextHref: string | null;
  /** What the pages are of, for screen readers ("Clients pages"). */
  label: string;
  className?: string;
}) {
  return (
    <nav aria-label={label} className={cn("flex flex-wrap items-center justify-between gap-3 px-1 py-3 text-[13px] text-zinc-600 dark:text-zinc-400", className)}>
      <p aria-live="polite" className="tabular-nums">
        {shown > 0 ? (
          <>
            {formatCount(start)}–{formatCount(start + shown - 1)}
            {total && (
              <>
                {" "}
                of {total.exact ? "" : "about "}
                {formatCount(total.exact ? total.value : Math.max(total.value, start + shown - 1))}
              </>
            )}
          </>
        ) : (
          "No rows"
        )}
      </p>
      <div className="flex items-center gap-2">
        <PageLink href={previousHref} rel="prev">
          <ChevronLeft aria-hidden />
          Previous
        </PageLink>
        <PageLink href={nextHref} rel="next">
          Next
          <ChevronRight aria-hidden />
        </PageLink>
      </div>
    </nav>
  );
}

/** A link to another page, shown disabled where there is no such page. */
export function PageLink({ href, rel, children }: { href: string | null; rel: "prev" | "next"; children: React.ReactNode }) {
  const className = buttonClassName({ variant: "secondary", size: "sm" });
  if (!href)
    return (
      <span aria-disabled="true" className={cn(className, "pointer-events-none opacity-50")}>
        {children}
      </span>
    );
  return (
    <Link href={href} rel={rel} className={className}>
      {children}
    </Link>
  );
}
