import { consoleCaller } from "@/lib/actions/caller";
import { authorizeConsoleRequest, noStore } from "@/lib/auth/route-guard";
import { applyImportStream, checkImport, importFailure, readImportText } from "@/lib/clients/migration";
import { readImportFormat } from "@/lib/clients/migration-params";

export const dynamic = "force-dynamic";

/**
 * The import page's requests (administrators only): `?step=check` answers the dry run's report as JSON;
 * `?step=apply` applies the file and answers an NDJSON stream of progress events and then the report
 * (lib/clients/migration-params.ts, ImportEvent). The body is the file, as it is. `&format=` overrides detection.
 */
export async function POST(request: Request, { params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const administrator = await authorizeConsoleRequest(request, serviceId, { migration: ["import"] });
  if (administrator instanceof Response) return administrator;
  const search = new URL(request.url).searchParams;
  const step = search.get("step");
  if (step !== "check" && step !== "apply") return Response.json({ error: "step must be check or apply" }, { status: 400, headers: noStore });
  const format = readImportFormat(search.get("format"));
  try {
    const text = await readImportText(request);
    if (step === "check") return Response.json(await checkImport(serviceId, text, format), { headers: noStore });
    const stream = applyImportStream(serviceId, text, await consoleCaller(administrator), format, request.signal);
    return new Response(stream, { headers: { ...noStore, "Content-Type": "application/x-ndjson; charset=utf-8" } });
  } catch (error) {
    const failure = importFailure(error);
    if (!failure) throw error;
    return Response.json(failure.body, { status: failure.status, headers: noStore });
  }
}
