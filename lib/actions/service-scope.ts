import { z } from "zod";

/**
 * The member every console action on one service carries in its input: which service it acts on. The action
 * client (lib/actions/client.ts, serviceActionClient) checks the administrator's role on that service.
 */
export const serviceScope = z.object({ serviceId: z.string().min(1).max(64) });
