// The embedded default's secrets: generated once into .data/secrets.json (mode 0600) and reused, so a
// restart keeps sessions valid and stored client secrets readable.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type LocalSecrets = {
  postgresPassword: string;
  encryptionKey: string;
  authSecret: string;
  apiKey: string;
};

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  const existing: Partial<LocalSecrets> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  const secrets: LocalSecrets = {
    postgresPassword: existing.postgresPassword ?? randomBytes(18).toString("base64url"),
    encryptionKey: existing.encryptionKey ?? randomBytes(32).toString("base64"),
    authSecret: existing.authSecret ?? randomBytes(32).toString("base64url"),
    apiKey: existing.apiKey ?? randomBytes(32).toString("base64url"),
  };
  if (JSON.stringify(existing) !== JSON.stringify(secrets)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}
