import { config } from "@/lib/config";
import { registrationServerMetadata } from "@/lib/registration/discovery";
import type { HttpResponse } from "@/lib/registration/protocol";
import { loadService } from "@/lib/registration/store";
import { jsonResponse } from "../respond";

/** `/.well-known/oauth-authorization-server` and `/.well-known/openid-configuration`. */
export async function serverMetadata(): Promise<HttpResponse> {
  const { issuer, serviceId } = config();
  const service = await loadService(serviceId);
  if (!service) throw new Error(`The default service ${serviceId} does not exist`);
  return jsonResponse(200, registrationServerMetadata(issuer, service.policy), { "Cache-Control": "public, max-age=60" });
}
