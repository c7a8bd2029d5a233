import type { Interface } from "@/generated/prisma/client";

/** Who is calling, through which interface: recorded in revisions and audit events. */
export type Caller = {
  interface: Interface;
  /** e.g. `client:<client_id>`, `admin:<email>`, `api:<service>`, `anonymous`. */
  actor: string;
  ip?: string | null;
  requestId?: string | null;
};
