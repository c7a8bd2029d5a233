// Every integration test talks to the real PostgreSQL that `npm test` started (DATABASE_URL).
if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run the tests with `npm test` (it starts PostgreSQL).");
process.env.REGISTRAR_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.AUTH_SECRET ??= "test-auth-secret-0123456789abcdef0123456789";
process.env.REGISTRAR_ISSUER ??= "http://registrar.test";
process.env.LOG_LEVEL ??= "silent";
// Every test talks from the same address: keep guessing throttles out of the way unless a test lowers them.
process.env.REGISTRAR_GUESS_LIMIT ??= "100000";
// Tests that need a distinct client address send it in this header (a trusted proxy's, in production).
process.env.TRUSTED_IP_HEADER ??= "x-test-client-ip";
