import { consoleCaller } from "@/lib/actions/caller";
import { authorizeConsoleRequest, noStore } from "@/lib/auth/route-guard";
import { parseClientListQuery } from "@/lib/clients/list-params";
import { exportStream } from "@/lib/clients/migration";
import { exportFileName } from "@/lib/clients/migration-params";

export const dynamic = "force-dynamic";

/**
 * The clients as an NDJSON download (RFC 7591 client information, one client a line), posted by the list's
 * Export dialog as a form: `scope` = all | filter, `filter` = the list's query string, `secrets` = on to include
 * client secrets (administrators only). POST only, from the console's origin: the answer may hold secrets.
 */
export async function POST(request: Request, { params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ error: "The export request must be a form (scope, filter, secrets)." }, { status: 400, headers: noStore });
  }
  const includeSecrets = form.get("secrets") === "on";
  const administrator = await authorizeConsoleRequest(request, serviceId, { migration: includeSecrets ? ["export", "exportSecrets"] : ["export"] });
  if (administrator instanceof Response) return administrator;
  const filter = form.get("filter");
  const filters = form.get("scope") === "filter" ? parseClientListQuery(new URLSearchParams(typeof filter === "string" ? filter : "")) : undefined;
  const stream = exportStream(serviceId, { includeSecrets, filters }, await consoleCaller(administrator));
  return new Response(stream, {
    headers: {
      ...noStore,
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(serviceId)}"`,
    },
  });
}
