"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { authClient } from "@/lib/auth/auth-client";

type Problem = { field?: "email" | "password"; message: string };

/** What a refused sign-in means to the person at the keyboard. */
function explain(status: number, code: string | undefined, retryAfter: string | null): string {
  if (status === 429) return `Too many attempts, try again in ${Number(retryAfter) > 0 ? Number(retryAfter) : 60} s.`;
  if (code === "INVALID_EMAIL_OR_PASSWORD" || status === 401) return "Wrong e-mail or password.";
  if (code === "INVALID_EMAIL") return "Enter a valid e-mail address.";
  if (code === "BANNED_USER") return "This account is disabled. Ask an administrator to restore it.";
  return "Sign-in failed. Try again in a moment.";
}

/** E-mail and password, posted by the browser to /api/auth/sign-in/email (rate limited per address there). */
export function SignInForm({ returnPath }: { returnPath: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email) return setProblem({ field: "email", message: "Enter your e-mail address." });
    if (!password) return setProblem({ field: "password", message: "Enter your password." });

    setPending(true);
    setProblem(null);
    let retryAfter: string | null = null;
    try {
      const { error } = await authClient.signIn.email(
        { email, password },
        { onError: ({ response }) => void (retryAfter = response.headers.get("X-Retry-After")) },
      );
      if (error) {
        setProblem({ message: explain(error.status, error.code, retryAfter) });
        setPending(false);
        return;
      }
    } catch {
      setProblem({ message: "Could not reach Registrar. Check your connection and try again." });
      setPending(false);
      return;
    }
    // Stay "pending" while the console loads, so the button cannot be pressed twice.
    router.replace(returnPath);
    router.refresh();
  }

  const describedBy = (field: Problem["field"]) => (problem && (!problem.field || problem.field === field) ? "sign-in-error" : undefined);

  return (
    <form method="post" onSubmit={signIn} noValidate className="grid gap-4" aria-label="Sign in">
      <div className="grid gap-1.5">
        <Label htmlFor="email">E-mail</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          required
          aria-invalid={describedBy("email") ? true : undefined}
          aria-describedby={describedBy("email")}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="password">Password</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={describedBy("password") ? true : undefined}
          aria-describedby={describedBy("password")}
        />
      </div>
      {/* Always rendered, so screen readers announce a message that appears in it. */}
      <FieldError id="sign-in-error" className="-mt-1">
        {problem && <span className="block rounded-md bg-red-50 px-3 py-2 text-sm dark:bg-red-950/50">{problem.message}</span>}
      </FieldError>
      <Button type="submit" size="lg" loading={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
