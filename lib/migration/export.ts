import type { Prisma } from "@/generated/prisma/client";
import type { Caller } from "@/lib/audit";

// Export of a service's clients as NDJSON of RFC 7591 client information (issue 17 point 7). (Being filled in.)

export type ExportOptions = { includeSecrets: boolean; where?: Prisma.ClientWhereInput };

/** NDJSON lines (each ending in "\n"), keyset-paged and streamed; one `clients.exported` audit event at the end. */
export async function* exportClients(serviceId: string, options: ExportOptions, caller: Caller): AsyncGenerator<string> {
  void serviceId;
  void options;
  void caller;
}
