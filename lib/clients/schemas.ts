import { z } from "zod";
import { maxSearchLength } from "./list-params";

// Inputs of the clients' server actions, outside the "use server" module so that forms can reuse them.

export const SearchClientsInput = z.object({ query: z.string().trim().min(1, "Type a name or a client id").max(maxSearchLength) });
