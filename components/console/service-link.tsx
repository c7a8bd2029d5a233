"use client";

import Link from "next/link";
import type { ComponentProps } from "react";
import { servicePath } from "@/lib/console-paths";
import { useOptionalServiceId } from "./use-service-id";

/**
 * A link to a page of the service being worked on (`path` below /services/{serviceId}), for views that are not
 * given the service (not-found and error views); outside a service's pages, the console's home.
 */
export function ServiceLink({ path, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { path: string }) {
  const serviceId = useOptionalServiceId();
  return <Link href={serviceId ? servicePath(serviceId, path) : "/"} {...props} />;
}
