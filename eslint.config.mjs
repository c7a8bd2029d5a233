import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

// The allowed dependencies between the parts of the service (docs/ARCHITECTURE.md), as import restrictions per
// folder. @typescript-eslint's no-restricted-imports replaces ESLint's: a pattern may allow `import type`, which
// vanishes at compile time. For a file in more than one zone the last matching block wins, so each zone repeats
// the restrictions that hold for all of lib/.

const seeDocs = "(see docs/ARCHITECTURE.md)";

/** The specifiers that reach `path` (from the repo's root): the @/ alias, or a relative path from up to three folders down. */
const reach = (path) => ["@/", "../", "../../", "../../../"].flatMap((up) => [`${up}${path}`, `${up}${path}/**`]);
/** The same for a folder of lib/, also from a sibling folder of lib/ (`../clients/list` from lib/registration/). */
const reachLib = (folder) => [...reach(`lib/${folder}`), `../${folder}`, `../${folder}/**`];

const consoleFolders = ["clients", "settings", "actions", "auth", "audit-log", "services"];

const noPages = {
  group: [...reach("components"), ...reach("app")],
  message: `Nothing under lib/ may import components/ or app/: the pages and their components build on lib/, never the reverse; define the type or function in lib/ ${seeDocs}.`,
};

/** The console's code, which `who` does not import. */
const noConsole = (who) => ({
  group: consoleFolders.flatMap(reachLib),
  message: `${who} must not import the console (lib/clients, lib/settings, lib/actions, lib/auth, lib/audit-log, lib/services): the console builds on it, never the reverse ${seeDocs}.`,
});

const core = [
  noPages,
  noConsole("The core (lib/registration)"),
  {
    group: ["protocols", "http", "launcher"].flatMap(reachLib),
    message: `The core (lib/registration) must not import the protocols (lib/protocols) or the launcher (lib/launcher): they build on the core, never the reverse ${seeDocs}.`,
  },
];

const noNext = `The protocols (lib/protocols) must not import Next.js: the launcher serves them before Next.js, from node:http requests ${seeDocs}.`;
const protocols = {
  paths: [{ name: "next", message: noNext }],
  patterns: [noPages, noConsole("The protocols (lib/protocols)"), { group: ["next/**"], message: noNext }],
};

const launcher = [noPages, noConsole("The launcher (lib/launcher)")];

/** Migration (lib/migration: client files in and out) builds on the core and Authlete's model; the console and the scripts call it. */
const noNextInMigration = `Migration (lib/migration) must not import Next.js: the CLI scripts run it without Next.js ${seeDocs}.`;
const migration = {
  paths: [{ name: "next", message: noNextInMigration }],
  patterns: [
    noPages,
    noConsole("Migration (lib/migration)"),
    {
      group: ["http", "launcher"].flatMap(reachLib),
      message: `Migration (lib/migration) must not import the launcher (lib/launcher) ${seeDocs}.`,
    },
    {
      regex: String.raw`^(@/lib/|(\.\./)+(lib/)?)protocols(/(?!authlete-client$).*)?$`,
      message: `Migration (lib/migration) may import only Authlete's Client model from the protocols (lib/protocols/authlete-client) ${seeDocs}.`,
    },
    { group: ["next/**"], message: noNextInMigration },
  ],
};

/**
 * lib/invalidation.ts, shared: the core and the console announce changes through it and their caches subscribe to
 * it, so it imports none of them (each cache registers its own way of forgetting).
 */
const invalidation = [
  noPages,
  {
    // From lib/ itself, a sibling folder is `./folder`.
    group: ["registration", "protocols", "launcher", "migration", ...consoleFolders].flatMap((folder) => [...reachLib(folder), `./${folder}`, `./${folder}/**`]),
    message: `lib/invalidation.ts is shared: the core and the console publish through it and their caches subscribe, so it imports none of them ${seeDocs}.`,
  },
];

/** The console calls the core; the machine-facing interfaces and the launcher are not its to call. */
const consoleCode = [
  noPages,
  {
    group: ["protocols", "http", "launcher"].flatMap(reachLib),
    message: `The console must not import the protocols (lib/protocols) or the launcher (lib/launcher): it calls the core; the request headers the launcher sets are in lib/request-headers ${seeDocs}.`,
  },
];

const dataLayer = `Components must not import the data layer or server-only code at runtime (lib/db, lib/invalidation, lib/metrics, lib/request-context, the registration store, service, settings, api-keys, throttle, credentials, sector-identifier and sector-fetch, lib/*/queries, lib/clients/list and search-plan, lib/audit-log/query, lib/services, lib/health, lib/auth's server modules, the protocols, the launcher, Prisma, pg): the page (app/) fetches the data and passes it down as props. \`import type\` of a view-model type is allowed ${seeDocs}.`;
const components = {
  paths: [{ name: "pg", message: dataLayer, allowTypeImports: true }],
  patterns: [
    {
      group: [
        ...[
          "lib/db",
          "lib/registration/store",
          "lib/registration/service",
          "lib/registration/settings",
          "lib/registration/api-keys",
          "lib/registration/throttle",
          "lib/registration/credentials",
          "lib/registration/sector-identifier",
          "lib/registration/sector-fetch",
          "lib/metrics",
          "lib/request-context",
          "lib/*/queries",
          "lib/clients/list",
          "lib/clients/search-plan",
          "lib/audit-log/query",
          "lib/health",
          "lib/invalidation",
          "lib/auth/auth",
          "lib/auth/session",
          "lib/auth/session-checks",
          "lib/auth/administrators",
          "lib/auth/hooks",
          "lib/protocols",
          "lib/launcher",
          "generated/prisma",
        ].flatMap(reach),
        "pg/**",
      ],
      message: dataLayer,
      allowTypeImports: true,
    },
    {
      // lib/services.ts and lib/services/, but for its server actions (its queries are refused by lib/*/queries above).
      regex: String.raw`^(@/|(\.\./)+)lib/services(/(?!actions$|queries$).*)?$`,
      message: dataLayer,
      allowTypeImports: true,
    },
  ],
};

const boundaries = [
  { files: ["lib/**"], rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [noPages] }] } },
  { files: ["lib/registration/**"], rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: core }] } },
  { files: ["lib/protocols/**"], rules: { "@typescript-eslint/no-restricted-imports": ["error", protocols] } },
  { files: ["lib/launcher/**"], rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: launcher }] } },
  { files: ["lib/migration/**"], rules: { "@typescript-eslint/no-restricted-imports": ["error", migration] } },
  {
    files: [...consoleFolders.map((f) => `lib/${f}/**`), "lib/services.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: consoleCode }] },
  },
  { files: ["components/**"], rules: { "@typescript-eslint/no-restricted-imports": ["error", components] } },
  { files: ["lib/invalidation.ts"], rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: invalidation }] } },
];

/**
 * Every form posts. Submitted before its JavaScript has loaded (or with none), a form falls back to its own
 * method and action: a GET would put every field, a password or a registration access token among them, in the
 * address bar, the history and the server's log; a POST to the page itself re-renders it and keeps them out.
 */
const formsPost = {
  files: ["components/**", "app/**"],
  rules: {
    "no-restricted-syntax": [
      "error",
      {
        selector: "JSXOpeningElement[name.name='form']:not(:has(JSXAttribute[name.name='method'][value.value='post']))",
        message: 'A <form> needs method="post": submitted before its JavaScript has loaded, a GET puts its fields (passwords, tokens) in the URL and the server\'s log.',
      },
    ],
  },
};

const config = [
  { ignores: [".next/**", "generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "types/next.d.ts"] },
  ...nextVitals,
  ...nextTypeScript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  { files: ["scripts/**", "e2e/**", "test/**", "bench/**"], rules: { "no-console": "off" } },
  ...boundaries,
  formsPost,
];

export default config;
