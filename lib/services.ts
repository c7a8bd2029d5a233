import { config, type Config } from "@/lib/config";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/registration/credentials";
import { defaultPolicy, type ServicePolicy } from "@/lib/registration/policy";
import { loadService } from "@/lib/registration/store";

/** Creates the default service on first start and keeps its API key in step with REGISTRAR_API_KEY. */
export async function ensureDefaultService(config: Pick<Config, "serviceId" | "serviceName" | "apiKey">) {
  const apiKeyHash = config.apiKey ? Buffer.from(hashToken(config.apiKey)).toString("hex") : null;
  return db().service.upsert({
    where: { id: config.serviceId },
    create: { id: config.serviceId, name: config.serviceName, apiKeyHash },
    update: { apiKeyHash },
  });
}

/** The display name of the service this console manages (REGISTRAR_SERVICE_ID). */
export async function serviceName(): Promise<string> {
  const { serviceId, serviceName: configured } = config();
  // The store's cached service record (read on every console page, by the frame): no query of its own.
  return (await loadService(serviceId))?.name ?? configured;
}

/** The policy of the service this console manages: pages pass it to the browser, which validates against the same rules. */
export async function consoleServicePolicy(): Promise<ServicePolicy> {
  const service = await loadService(config().serviceId);
  return service?.policy ?? defaultPolicy;
}
