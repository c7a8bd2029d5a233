import { config } from "@/lib/config";
import { listApiKeys, type ApiKeySummary } from "@/lib/registration/api-keys";
import { listServices, type ServiceClientCount } from "@/lib/registration/services";
import { loadService } from "@/lib/registration/store";
import { registrationEndpoint } from "@/lib/registration/uris";

// What the Services page and a service's API keys card read. Writes go through lib/registration/services.ts
// and lib/registration/api-keys.ts (lib/services/actions.ts).

/** The URLs an authorization server or client software is given for a service. */
export type ServiceEndpoints = {
  /** RFC 7591 §3: where client software registers. */
  registration: string;
  /** RFC 8414 §3: the authorization server metadata, at the path inserted after /.well-known/. */
  discovery: string;
  /** The Authlete-compatible API's base: …/client/registration[/get|/update|/delete] (docs/API.md). */
  api: string;
};

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

/**
 * A service's public base: the configured issuer for the default service, `{issuer}/s/{serviceId}` for the others.
 * TODO(svc-console): use serviceIssuer from lib/registration/uris.ts once the protocols branch is on main.
 */
function issuerOf(serviceId: string): string {
  const { issuer, serviceId: defaultId } = config();
  return serviceId === defaultId ? issuer : `${issuer}/s/${encodeURIComponent(serviceId)}`;
}

export function serviceEndpoints(serviceId: string): ServiceEndpoints {
  const { issuer, serviceId: defaultId } = config();
  const path = serviceId === defaultId ? "" : `/s/${encodeURIComponent(serviceId)}`;
  return {
    registration: registrationEndpoint(issuerOf(serviceId)),
    discovery: `${issuer}/.well-known/oauth-authorization-server${path}`,
    api: `${issuer}/api/${encodeURIComponent(serviceId)}`,
  };
}

/** "3 clients", "about 320,000 clients": a count as the console says it. */
export function clientCountText(count: ServiceClientCount): string {
  return `${count.exact ? "" : "about "}${count.value.toLocaleString("en")} ${count.value === 1 ? "client" : "clients"}`;
}

/** The live services with their endpoints, the default first. */
export async function servicesForConsole(): Promise<ServiceView[]> {
  const services = await listServices();
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
