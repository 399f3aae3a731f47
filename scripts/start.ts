// `npm start`: everything a fresh clone needs, with no configuration. Secrets, Prisma client,
// migrations, demo data (embedded database only, unless PORTAL_DEMO_DATA=true), build, then serve.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { parseDatabaseUrl } from "../lib/db/database-url";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/seed/demo-accounts";

import { buildIfNeeded } from "./lib/build-if-needed";
import { ensureSecrets } from "./lib/secrets";
import { serverEnv } from "./lib/server-env";

const root = path.resolve(import.meta.dirname, "..");
// Telemetry off, RSC conditions on (scripts/lib/server-env.ts).
const env = serverEnv(process.env);
const port = env.PORT ?? "3000";
// No default public address: without NEXTAUTH_URL the portal follows the address it is opened at
// (lib/http/public-origin.ts), so a colleague who opens http://<this machine>:3000 signs out there.

const target = parseDatabaseUrl(env.DATABASE_URL, root);
const { created } = ensureSecrets(env, path.join(root, "data"));
if (created) console.log("Secrets générés dans data/secrets.json (à remplacer par des variables d'environnement en production).");

const tsx = path.join(root, "node_modules", ".bin", "tsx");
const run = (args: string[]) => execFileSync(tsx, args, { cwd: root, env, stdio: "inherit" });

if (!existsSync(path.join(root, "lib", "generated", "prisma", "client.ts"))) {
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["generate"], {
    cwd: root,
    env: { ...env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" },
    stdio: "inherit",
  });
}
// Separate processes: an embedded (PGlite) database folder can be open in one process at a time.
run(["scripts/db.ts", "migrate"]);
const seedDemo = target.kind === "pglite" ? env.PORTAL_DEMO_DATA !== "false" : env.PORTAL_DEMO_DATA === "true";
if (seedDemo) run(["scripts/seed.ts"]);
buildIfNeeded(root, env);

// server.ts: Next's handler behind our own HTTP server, which computes the client address.
const server = spawn(tsx, ["server.ts"], { cwd: root, env: { ...env, NODE_ENV: "production", PORT: port }, stdio: "inherit" });
server.on("spawn", () => {
  console.log(`\nPortail CPAS : ${env.NEXTAUTH_URL ?? `http://localhost:${port} (ou l'adresse de cette machine, port ${port})`}`);
  console.log(`Base de données : ${target.kind === "pglite" ? `intégrée (${path.relative(root, target.dataDir)})` : "PostgreSQL"}`);
  if (seedDemo) {
    console.log(`Comptes de démonstration (mot de passe : ${DEMO_PASSWORD}) ; la première connexion active la double authentification :`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(28)} ${a.label}`);
  }
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
