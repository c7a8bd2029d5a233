import type { IncomingMessage } from "node:http";
import { clientAddress, requestId } from "../request";

/** What every endpoint knows about the request it answers. */
export type RequestContext = { req: IncomingMessage; requestId: string; ip: string | null; params: Record<string, string> };

export function requestContext(req: IncomingMessage, params: Record<string, string>): RequestContext {
  return { req, requestId: requestId(req), ip: clientAddress(req), params };
}
