import path from "node:path";

// Which database DATABASE_URL points at. Shared by the runtime Prisma client (lib/db/client.ts)
// and the migration tool (scripts/db.ts), so both always agree on the target. Kept pure and
// dependency-free (node:path only): it is imported by server code that Next bundles.

export type PostgresTarget = {
  kind: "postgres";
  /** The URL exactly as given: may contain a password, never print it (see describeTarget). */
  url: string;
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
};

export type PgliteTarget = { kind: "pglite"; dataDir: string };

export type DatabaseTarget = PostgresTarget | PgliteTarget;

/**
 * - unset or empty → PGlite in `<cwd>/data/pglite` (npm scripts and `next` run from the repo root);
 * - `pglite:PATH` → PGlite on disk at PATH, relative to cwd;
 * - `postgresql://…` or `postgres://…` → PostgreSQL;
 * - anything else → Error (French message that never repeats the value: it may hold a password).
 */
export function parseDatabaseUrl(value: string | undefined, cwd: string = process.cwd()): DatabaseTarget {
  const raw = (value ?? "").trim();
  if (raw === "") return { kind: "pglite", dataDir: path.resolve(cwd, "data", "pglite") };

  if (raw.startsWith("pglite:")) {
    const dir = raw.slice("pglite:".length).trim();
    if (dir === "") throw new Error("DATABASE_URL « pglite: » sans chemin : écrivez par exemple pglite:./data/pglite.");
    return { kind: "pglite", dataDir: path.resolve(cwd, dir) };
  }

  if (/^postgres(ql)?:\/\//i.test(raw)) return parsePostgres(raw);

  // Only the scheme is echoed back: the rest could be credentials.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1];
  throw new Error(
    `DATABASE_URL non reconnue${scheme ? ` (schéma « ${scheme}: »)` : ""} : ` +
      "attendu postgresql://…, postgres://… ou pglite:CHEMIN (ou rien pour PGlite dans data/pglite).",
  );
}

function parsePostgres(raw: string): PostgresTarget {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error("DATABASE_URL PostgreSQL mal formée (l'adresse n'est pas une URL valide).");
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (database === "" || database.includes("/")) {
    throw new Error("DATABASE_URL PostgreSQL sans nom de base : écrivez postgresql://utilisateur@hôte:5432/nom_de_la_base.");
  }
  const port = u.port === "" ? 5432 : Number(u.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error("DATABASE_URL PostgreSQL : port invalide.");
  }
  return {
    kind: "postgres",
    url: raw,
    // IPv6 literals come back bracketed ("[::1]"); pg wants them bare.
    host: u.hostname.replace(/^\[(.*)\]$/, "$1") || "localhost",
    port,
    user: decodeURIComponent(u.username) || "postgres",
    password: u.password === "" ? undefined : decodeURIComponent(u.password),
    database,
  };
}

/** A printable description of the target, without the password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `PGlite (${target.dataDir})`;
  return `PostgreSQL ${target.user}@${target.host}:${target.port}/${target.database}`;
}
