import { databaseReachable } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and monitors. */
export async function GET() {
  const database = await databaseReachable();
  return Response.json(
    { status: database ? "ok" : "degraded", database: database ? "ok" : "unreachable" },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
