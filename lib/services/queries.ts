import { roleOn } from "@/lib/auth/permissions";
import type { Administrator } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { listApiKeys, type ApiKeySummary } from "@/lib/registration/api-keys";
import { listServices, type ServiceClientCount } from "@/lib/registration/services";
import { loadService } from "@/lib/registration/store";
import { serviceEndpoints } from "@/lib/services";

// What the Services page and a service's API keys card read. Writes go through lib/registration/services.ts
// and lib/registration/api-keys.ts (lib/services/actions.ts).

/** Where a service's client software and authorization server reach it (lib/services.ts). */
export type ServiceEndpoints = ReturnType<typeof serviceEndpoints>;

export type ServiceView = {
  id: string;
  name: string;
  createdAt: Date;
  clients: ServiceClientCount;
  /** The count in words: "3 clients", "about 320,000 clients". */
  clientsText: string;
  isDefault: boolean;
  endpoints: ServiceEndpoints;
  /** Why the service cannot be deleted now, in the console's words; null when it can. */
  deleteBlocked: string | null;
};

/** "3 clients", "about 320,000 clients": a count as the console says it. */
export function clientCountText(count: ServiceClientCount): string {
  return `${count.exact ? "" : "about "}${count.value.toLocaleString("en")} ${count.value === 1 ? "client" : "clients"}`;
}

/** The live services `administrator` may see (a global role, or a grant on the service), the default first, with their endpoints. */
export async function servicesForConsole(administrator: Administrator): Promise<ServiceView[]> {
  const services = (await listServices()).filter((service) => roleOn(administrator, service.id) !== null);
  return services.map((service) => ({
    ...service,
    clientsText: clientCountText(service.clients),
    endpoints: serviceEndpoints(service.id),
    deleteBlocked: service.isDefault
      ? "The default service (REGISTRAR_SERVICE_ID) cannot be deleted."
      : service.clients.value > 0
        ? `It has ${clientCountText(service.clients)}: delete ${service.clients.value === 1 ? "it" : "them"} first.`
        : null,
  }));
}

/** The key REGISTRAR_API_KEY sets: the default service's only, managed by the environment. */
export type EnvironmentApiKey = { set: boolean };

/** A service's API keys, and for the default service whether the environment sets a key. */
export async function serviceApiKeys(serviceId: string): Promise<{ keys: ApiKeySummary[]; environmentKey: EnvironmentApiKey | null }> {
  const [keys, service] = await Promise.all([listApiKeys(serviceId), loadService(serviceId)]);
  const environmentKey = serviceId === config().serviceId ? { set: Boolean(service?.apiKeyHash) } : null;
  return { keys, environmentKey };
}
