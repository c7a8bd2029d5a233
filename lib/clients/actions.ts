"use server";

import { authActionClient } from "@/lib/actions/client";
import { config } from "@/lib/config";
import { findClientsToJumpTo } from "./list";
import { SearchClientsInput } from "./schemas";

/** The command palette's client search (components/console/command-palette.tsx): a name or a client id. */
export const searchClientsAction = authActionClient
  .metadata({ actionName: "searchClients", permission: { client: ["read"] } })
  .inputSchema(SearchClientsInput)
  .action(async ({ parsedInput }) => findClientsToJumpTo(config().serviceId, parsedInput.query));
