// Database command line: `npx tsx scripts/db.ts <migrate|create|status|reset>` (npm run db:*).
// Prisma's CLI migrate commands need a native engine we cannot download; this drives Prisma's WASM
// schema engine instead (lib/db/migrate, docs/database.md). Messages are in French; the database
// password is never printed.
import path from "node:path";
import nextEnv from "@next/env";
import { describeTarget, parseDatabaseUrl, type DatabaseTarget } from "../lib/db/database-url";
import { applyMigrations, createMigration, migrationStatus, resetDatabase, type ApplyResult } from "../lib/db/migrate";

const USAGE = `Usage : npx tsx scripts/db.ts <commande>
  migrate        applique les migrations en attente (comme prisma migrate deploy)
  create <nom>   écrit prisma/migrations/<horodatage>_<nom>/migration.sql d'après schema.prisma
  status         migrations appliquées / en attente, dérive de la base ; code 1 si pas à jour
  reset          tests et développement : vide la base (locale) puis applique les migrations
Cible : DATABASE_URL (postgresql://…, pglite:CHEMIN, ou vide pour PGlite dans data/pglite).`;

function printApplied(result: ApplyResult): void {
  if (result.databaseCreated) console.log("La base n'existait pas : elle a été créée.");
  if (result.applied.length === 0) console.log("Aucune migration en attente : la base est à jour.");
  for (const name of result.applied) console.log(`  appliquée : ${name}`);
  if (result.applied.length > 0) console.log(`${result.applied.length} migration(s) appliquée(s).`);
}

async function status(target: DatabaseTarget): Promise<number> {
  const s = await migrationStatus(target);
  if (!s.databaseExists) console.log("La base n'existe pas encore (npm run db:migrate la créera).");
  if (s.local.length === 0) console.log("Aucune migration dans prisma/migrations.");
  const label = (name: string) =>
    s.failed.includes(name) ? "ÉCHEC     " : s.edited.includes(name) ? "MODIFIÉE  " : s.pending.includes(name) ? "en attente" : "appliquée ";
  for (const name of s.local) console.log(`  ${label(name)}  ${name}`);
  for (const name of s.unknownApplied) console.log(`  INCONNUE    ${name} (appliquée à la base, absente de prisma/migrations)`);
  if (s.pending.length > 0) console.log(`${s.pending.length} migration(s) en attente : npm run db:migrate`);
  if (s.failed.length > 0)
    console.log("Migration en échec : corrigez son migration.sql, puis db:reset (dév.) ou marquez l'échec comme annulé (voir docs/database.md).");
  if (s.edited.length > 0) console.log("Migration modifiée après application : ne modifiez jamais une migration déjà appliquée.");
  if (s.drift) console.log(`Dérive : la base ne correspond plus à ses migrations appliquées.\n${s.drift}`);
  else if (s.databaseExists) console.log("Pas de dérive : la base correspond à ses migrations appliquées.");
  if (s.schemaAhead) console.log("Note : schema.prisma contient des changements sans migration (npm run db:create -- <nom>).");
  if (s.upToDate) console.log("La base est à jour.");
  return s.upToDate ? 0 : 1;
}

async function run(command: string | undefined, args: string[]): Promise<number> {
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (!["migrate", "create", "status", "reset"].includes(command)) {
    console.error(`Commande inconnue : ${command}\n${USAGE}`);
    return 2;
  }
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  console.log(`Base : ${describeTarget(target)}`);
  switch (command) {
    case "migrate":
      printApplied(await applyMigrations(target));
      return 0;
    case "create": {
      const name = args.join(" ").trim();
      if (name === "") {
        console.error("Indiquez un nom : npm run db:create -- <nom> (ex. ajout_sessions).");
        return 2;
      }
      const created = await createMigration(target, name);
      if (created.dir === null) {
        console.log("aucun changement : schema.prisma correspond déjà aux migrations, rien n'a été écrit.");
      } else {
        console.log(`Migration créée : ${path.relative(process.cwd(), path.join(created.dir, "migration.sql"))}`);
        console.log("Relisez-la, appliquez-la (npm run db:migrate) et committez le dossier.");
      }
      return 0;
    }
    case "status":
      return status(target);
    default: {
      const result = await resetDatabase(target);
      console.log(target.kind === "postgres" ? "Base supprimée puis recréée." : "Dossier PGlite supprimé puis recréé.");
      printApplied({ ...result, databaseCreated: false });
      return 0;
    }
  }
}

/** The error's message without the engine's Rust backtrace (unless DEBUG_MIGRATIONS) nor secrets. */
function describeError(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND") message = `serveur PostgreSQL injoignable (${message}).`;
  // The backtrace names the migration that failed; keep that, drop the rest.
  const failed = /migration_name="([^"]+)"/.exec(message)?.[1];
  if (!process.env.DEBUG_MIGRATIONS) message = message.split(/\n\s+0: /)[0]!.trim();
  if (failed && !message.includes(failed)) message = `la migration « ${failed} » a échoué (rien n'en a été appliqué).\n${message}`;
  const url = process.env.DATABASE_URL;
  if (url && message.includes(url)) message = message.split(url).join("<DATABASE_URL>");
  try {
    const t = parseDatabaseUrl(url);
    if (t.kind === "postgres" && t.password) message = message.split(t.password).join("***");
  } catch {
    // DATABASE_URL itself was the problem: the message already says so, without its value.
  }
  return message;
}

async function main(): Promise<void> {
  // Same .env files, same precedence as `next dev`/`next start`: both see the same DATABASE_URL.
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => undefined, error: console.error });
  const [command, ...args] = process.argv.slice(2);
  try {
    process.exitCode = await run(command, args);
  } catch (error) {
    console.error(`Erreur : ${describeError(error)}`);
    process.exitCode = 1;
  }
}

void main();
