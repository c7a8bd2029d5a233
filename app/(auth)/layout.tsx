import { KeyRound } from "lucide-react";
import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-zinc-50 px-4 py-12 dark:bg-zinc-950">
      <div className="mb-6 flex items-center gap-2.5 text-zinc-900 dark:text-zinc-50">
        <span className="flex size-9 items-center justify-center rounded-lg bg-accent-600 text-white shadow-sm dark:bg-accent-500">
          <KeyRound className="size-5" aria-hidden />
        </span>
        <span className="text-lg font-semibold tracking-tight">Registrar</span>
      </div>
      {children}
    </main>
  );
}
