import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

export default function Home() {
  const { issuer, serviceId } = config();
  return (
    <main className="mx-auto max-w-2xl p-10">
      <h1 className="text-2xl font-semibold">Registrar</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">OAuth 2.0 client registration service for the service {serviceId}.</p>
      <p className="mt-4 font-mono text-sm">{issuer}/register</p>
    </main>
  );
}
