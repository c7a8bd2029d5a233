import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { safeReturnPath } from "@/lib/auth/return-path";
import { currentAdministrator } from "@/lib/auth/session";
import { serviceName } from "@/lib/services";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnPath = safeReturnPath(typeof next === "string" ? next : undefined);
  if (await currentAdministrator()) redirect(returnPath);

  return (
    <Card className="w-full max-w-sm p-6 shadow-sm">
      <h1 className="text-lg font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Sign in</h1>
      <p className="mt-1 mb-5 text-sm text-zinc-600 dark:text-zinc-400">
        Administrator console of <span className="font-medium text-zinc-800 dark:text-zinc-200">{await serviceName()}</span>
      </p>
      <SignInForm returnPath={returnPath} />
    </Card>
  );
}
