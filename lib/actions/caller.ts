import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { Administrator } from "@/lib/auth/session";
import { clientAddressHeader, requestIdHeader } from "@/lib/request-headers";
import type { Caller } from "@/lib/registration/service";

/** The core's caller for a console action: the administrator as `admin:<email>`, their address and a request id. */
export async function consoleCaller(administrator: Administrator): Promise<Caller> {
  const request = await headers();
  // The address the launcher decided on for this request, as better-auth reads it too.
  const ip = request.get(clientAddressHeader) || null;
  // The id the launcher gave the request (its X-Request-Id and its log lines'); a fresh one outside the launcher.
  return { interface: "console", actor: `admin:${administrator.email}`, ip, requestId: request.get(requestIdHeader) || randomUUID() };
}
