"use client";

import { useParams } from "next/navigation";

/**
 * The service whose page this is (`/services/{serviceId}/…`), for links and actions of client components;
 * undefined outside a service's pages (the Services page, sign-in).
 */
export function useOptionalServiceId(): string | undefined {
  const params = useParams<{ serviceId?: string }>();
  return params?.serviceId ? decodeURIComponent(params.serviceId) : undefined;
}

/** The service whose page this is; for components that only appear on a service's pages. */
export function useServiceId(): string {
  const serviceId = useOptionalServiceId();
  if (!serviceId) throw new Error("useServiceId outside a service's pages");
  return serviceId;
}
