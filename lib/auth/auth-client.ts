import { createAuthClient } from "better-auth/react";

/** better-auth in the browser: sign-in and sign-out go to /api/auth, where its rate limiter applies. */
export const authClient = createAuthClient();
