// The console's addresses. Every page of a service is under `/services/{serviceId}`, so a link shows a
// colleague the same service. Browser-safe.

import { hrefWith } from "./url-state";

/** A page of one service: `rest` is the path below the service, e.g. `/clients`. */
export const servicePath = (serviceId: string, rest = "") => `/services/${encodeURIComponent(serviceId)}${rest}`;

/** A page of one client of a service: `rest` is e.g. `/edit` or `?tab=history`. */
export const clientPath = (serviceId: string, clientId: string, rest = "") => servicePath(serviceId, `/clients/${encodeURIComponent(clientId)}${rest}`);

/**
 * A client's History tab: the page of revisions older than version `before` (the newest page without it), with
 * the comparison of two versions when given.
 */
export const clientHistoryPath = (serviceId: string, clientId: string, { before, compare }: { before?: number; compare?: readonly [number, number] | null } = {}) =>
  hrefWith(clientPath(serviceId, clientId), { tab: "history", compare: compare ? `${compare[0]}..${compare[1]}` : undefined, before });

/** The Services page (every service the administrator may see). */
export const servicesPath = "/services";

/** The console's pages before services had their own addresses; the launcher redirects them to the default service. */
export const unscopedConsolePath = /^\/(?:clients|audit|settings)(?:\/|$)/;
