import { FileQuestion } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 px-4 dark:bg-zinc-950">
      <EmptyState
        titleAs="h1"
        className="w-full max-w-lg border-solid bg-white dark:bg-zinc-900"
        icon={FileQuestion}
        title="This page does not exist"
        description="The address may be mistyped, or what it pointed to was deleted."
      >
        <Link href="/" className={buttonClassName({})}>
          Go to the console
        </Link>
      </EmptyState>
    </main>
  );
}
