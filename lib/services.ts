import { roleOn, type Role } from "@/lib/auth/permissions";
import type { Administrator } from "@/lib/auth/session";
import { config, type Config } from "@/lib/config";
import { servicePath } from "@/lib/console-paths";
import { db } from "@/lib/db";
import { announceInvalidation } from "@/lib/invalidation";
import { hashToken } from "@/lib/registration/credentials";
import { loadService } from "@/lib/registration/store";
import { registrationEndpoint, serviceIssuer } from "@/lib/registration/uris";

/**
 * Creates the default service on first start and keeps its API key in step with REGISTRAR_API_KEY; instances
 * already running drop their copy of the service (a new key applies everywhere at once).
 */
export async function ensureDefaultService(config: Pick<Config, "serviceId" | "serviceName" | "apiKey">) {
  const apiKeyHash = config.apiKey ? Buffer.from(hashToken(config.apiKey)).toString("hex") : null;
  return db().$transaction(async (tx) => {
    const service = await tx.service.upsert({
      where: { id: config.serviceId },
      create: { id: config.serviceId, name: config.serviceName, apiKeyHash },
      update: { apiKeyHash },
    });
    await announceInvalidation(tx, "service", config.serviceId);
    return service;
  });
}

/** The display name of the service this console manages (REGISTRAR_SERVICE_ID). */
export async function serviceName(): Promise<string> {
  const { serviceId, serviceName: configured } = config();
  // The store's cached service record (read on every console page, by the frame): no query of its own.
  return (await loadService(serviceId))?.name ?? configured;
}

/** A service in the console's switcher: its id, its name and the administrator's role on it. */
export type VisibleService = { id: string; name: string; role: Role };

/**
 * The live services an administrator may see, the default service first, then by name: every service for a
 * global role, else those they hold a grant on.
 */
export async function visibleServices(administrator: Administrator): Promise<VisibleService[]> {
  const granted = Object.keys(administrator.grants);
  const rows = await db().service.findMany({
    where: { deletedAt: null, ...(administrator.role ? {} : { id: { in: granted } }) },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const { serviceId: defaultId } = config();
  const services: VisibleService[] = [];
  for (const row of rows) {
    const role = roleOn(administrator, row.id);
    if (role) services.push({ ...row, role });
  }
  return services.sort((a, b) => Number(b.id === defaultId) - Number(a.id === defaultId));
}

/** Where the console opens for an administrator: the clients of the first service they may see, else the Services page. */
export function homePath(services: readonly VisibleService[]): string {
  return services[0] ? servicePath(services[0].id, "/clients") : "/services";
}

/** Where a service's client software and authorization server reach it. */
export function serviceEndpoints(serviceId: string) {
  const { issuer: base, serviceId: defaultId } = config();
  const issuer = serviceIssuer(base, serviceId, defaultId);
  return {
    issuer,
    registration: registrationEndpoint(issuer),
    // RFC 8414 §3: the well-known path goes between the host and the issuer's own path.
    discovery: `${base}/.well-known/oauth-authorization-server${issuer.slice(base.length)}`,
    authleteApi: `${base}/api/${encodeURIComponent(serviceId)}`,
  };
}
