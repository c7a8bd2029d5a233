import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { Administrator } from "@/lib/auth/session";
import { clientAddressHeader } from "@/lib/request-headers";
import type { Caller } from "@/lib/registration/service";

/** The core's caller for a console action: the administrator as `admin:<email>`, their address and a request id. */
export async function consoleCaller(administrator: Administrator): Promise<Caller> {
  const request = await headers();
  // The address the launcher decided on for this request, as better-auth reads it too.
  const ip = request.get(clientAddressHeader) || null;
  return { interface: "console", actor: `admin:${administrator.email}`, ip, requestId: randomUUID() };
}
