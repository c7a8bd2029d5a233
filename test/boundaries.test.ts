import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The allowed dependencies between the parts (docs/ARCHITECTURE.md) are enforced by ESLint: a wrong import in
// each part fails lint with the boundary's message, and the imports each part may make pass.

const eslint = new ESLint({ cwd: process.cwd() });

/** The boundary messages ESLint gives `source` as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

const refused: [string, string, RegExp][] = [
  ["lib/registration/probe.ts", `import { listClients } from "@/lib/clients/list";`, /core \(lib\/registration\) must not import the console/],
  ["lib/registration/probe.ts", `import { registerClient } from "@/lib/protocols/registration";`, /core \(lib\/registration\) must not import the protocols/],
  ["lib/registration/probe.ts", `import { createRequestListener } from "../launcher/listener";`, /core \(lib\/registration\) must not import the protocols/],
  ["lib/protocols/probe.ts", `import { consoleCaller } from "@/lib/actions/caller";`, /protocols \(lib\/protocols\) must not import the console/],
  ["lib/protocols/probe.ts", `import { headers } from "next/headers";`, /protocols \(lib\/protocols\) must not import Next\.js/],
  ["lib/launcher/probe.ts", `import { auth } from "@/lib/auth/auth";`, /launcher \(lib\/launcher\) must not import the console/],
  ["lib/auth/probe.ts", `import { clientAddress } from "@/lib/launcher/client-address";`, /console must not import the protocols \(lib\/protocols\) or the launcher/],
  ["lib/clients/probe.ts", `import { registerClient } from "../protocols/registration";`, /console must not import the protocols/],
  ["components/probe.tsx", `import { requireAdministrator } from "@/lib/auth/session";`, /Components must not import the data layer or server-only code/],
  ["components/probe.tsx", `import { db } from "@/lib/db";`, /Components must not import the data layer or server-only code/],
  ["components/probe.tsx", `import { loadService } from "@/lib/registration/store";`, /Components must not import the data layer or server-only code/],
  ["components/probe.tsx", `import { getConsoleClient } from "@/lib/clients/queries";`, /Components must not import the data layer or server-only code/],
  ["components/probe.tsx", `import { serviceName } from "@/lib/services";`, /Components must not import the data layer or server-only code/],
  ["components/probe.tsx", `import { servicesForConsole } from "@/lib/services/queries";`, /Components must not import the data layer or server-only code/],
  ["components/probe.tsx", `import { listServices } from "../../lib/services/anything";`, /Components must not import the data layer or server-only code/],
  ["lib/services/probe.ts", `import { registerClient } from "@/lib/protocols/registration";`, /console must not import the protocols/],
  ["lib/registration/probe.ts", `import { servicesForConsole } from "../services/queries";`, /core \(lib\/registration\) must not import the console/],
  ["components/probe.tsx", `import { createApiKey } from "@/lib/registration/api-keys";`, /Components must not import the data layer or server-only code/],
  ["components/probe.tsx", `import { countRegistration } from "@/lib/metrics";`, /Components must not import the data layer or server-only code/],
  ["components/probe.tsx", `import { fetchSectorDocument } from "@/lib/registration/sector-fetch";`, /Components must not import the data layer or server-only code/],
  ["lib/clients/probe.ts", `import { Button } from "@/components/ui/button";`, /Nothing under lib\/ may import components\/ or app\//],
  ["lib/migration/probe.ts", `import { listClients } from "@/lib/clients/list";`, /Migration \(lib\/migration\) must not import the console/],
  ["lib/migration/probe.ts", `import { authleteApi } from "../protocols/authlete";`, /Migration \(lib\/migration\) may import only Authlete's Client model/],
  ["lib/migration/probe.ts", `import { headers } from "next/headers";`, /Migration \(lib\/migration\) must not import Next\.js/],
  ["lib/invalidation.ts", `import { forgetService } from "@/lib/registration/store";`, /lib\/invalidation\.ts is shared/],
  ["lib/invalidation.ts", `import { recentSessionChecks } from "./auth/session-checks";`, /lib\/invalidation\.ts is shared/],
  ["components/probe.tsx", `import { announceInvalidation } from "@/lib/invalidation";`, /Components must not import the data layer or server-only code/],
];

const allowed: [string, string][] = [
  ["lib/registration/probe.ts", `import { recordAudit } from "@/lib/audit";`],
  ["lib/protocols/probe.ts", `import { register } from "@/lib/registration/service";`],
  ["lib/launcher/probe.ts", `import { requestPathHeader } from "@/lib/request-headers";`],
  ["lib/actions/probe.ts", `import { clientAddressHeader } from "@/lib/request-headers";`],
  ["lib/launcher/probe.ts", `import { protocolRoute } from "@/lib/protocols/routes";`],
  ["lib/registration/probe.ts", `import { countRegistration } from "@/lib/metrics";`],
  ["lib/launcher/probe.ts", `import { runRequest } from "@/lib/request-context";`],
  ["components/probe.tsx", `import type { ConsoleClient } from "@/lib/clients/queries";`],
  ["components/probe.tsx", `import { createServiceAction } from "@/lib/services/actions";`],
  ["components/probe.tsx", `import type { ServiceView } from "@/lib/services/queries";`],
  ["components/probe.tsx", `import type { ApiKeySummary } from "@/lib/registration/api-keys";`],
  ["app/probe.tsx", `import { db } from "@/lib/db";`],
  ["lib/migration/probe.ts", `import { authleteClient } from "@/lib/protocols/authlete-client";`],
  ["lib/migration/probe.ts", `import { validateClientMetadata } from "@/lib/registration/metadata";`],
  ["lib/clients/probe.ts", `import { planImport } from "@/lib/migration/import";`],
  ["lib/registration/probe.ts", `import { announceInvalidation } from "@/lib/invalidation";`],
  ["lib/auth/probe.ts", `import { onInvalidation } from "@/lib/invalidation";`],
  ["lib/invalidation.ts", `import { logger } from "@/lib/logger";`],
];

describe("[ARCHITECTURE] import boundaries are enforced by lint", () => {
  it.each(refused)("%s: %s is refused", async (filePath, source, message) => {
    const errors = await boundaryErrors(filePath, `${source}\nexport {};\n`);
    expect(errors.length, errors.join("\n")).toBe(1);
    expect(errors[0]).toMatch(message);
    expect(errors[0]).toContain("docs/ARCHITECTURE.md");
  });

  it.each(allowed)("%s: %s is allowed", async (filePath, source) => {
    expect(await boundaryErrors(filePath, `${source}\nexport {};\n`)).toEqual([]);
  });
});
