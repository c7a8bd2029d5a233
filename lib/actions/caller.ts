import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { Administrator } from "@/lib/auth/session";
import { clientAddressHeader } from "@/lib/http/client-address";
import type { Caller } from "@/lib/registration/service";

/** The core's caller for a console action: the administrator as `admin:<email>`, their address and a request id. */
export async function consoleCaller(administrator: Administrator): Promise<Caller> {
  const request = await headers();
  // The same header better-auth reads (lib/auth/auth.ts): the launcher pins it to the socket's address unless a proxy is trusted.
  const addressHeader = (process.env.TRUSTED_IP_HEADER ?? clientAddressHeader).split(",")[0]!.trim();
  const ip = request.get(addressHeader)?.split(",")[0]?.trim() || null;
  return { interface: "console", actor: `admin:${administrator.email}`, ip, requestId: randomUUID() };
}
