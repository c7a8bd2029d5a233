import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

// better-auth is created on the first request: it reads the configuration at run time, never at build.
const handle = (request: Request) => toNextJsHandler(auth()).POST(request);

export { handle as GET, handle as POST };
