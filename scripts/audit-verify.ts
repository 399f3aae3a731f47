// Checks every audit chain (the legacy portal-wide one, the system one, one per centre). Exit 0
// when all are intact; exit 1 naming, for each broken chain, its first broken event. Records how
// far each chain is intact (lib/audit/chain-checkpoint.ts): the security log starts from there.
import pg from "pg";

import { verifyAndCheckpoint } from "@/lib/audit/chain-checkpoint";
import { pgPageReader } from "@/lib/audit/pg-chain-reader";
import { db } from "@/lib/db/client";
import { parseDatabaseUrl } from "@/lib/db/database-url";
import { localize } from "@/lib/i18n/translator";

async function main() {
  // On PostgreSQL the events are read as raw rows (one connection, pages of 2,000, the next page
  // read while the current one is hashed); on PGlite through Prisma.
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const pool = target.kind === "postgres" ? new pg.Pool({ connectionString: target.url, max: 1 }) : null;
  const report = await verifyAndCheckpoint(db, pool ? pgPageReader(pool) : undefined).finally(() => pool?.end());
  const intact = report.chains.filter((c) => c.ok).length;
  if (report.ok) {
    console.log(`Journal d'audit intact : ${report.checked} événement(s) vérifié(s) dans ${intact} chaîne(s).`);
    return;
  }
  for (const c of report.broken) {
    console.error(
      `Chaîne « ${c.chainKey} » ALTÉRÉE : premier événement en défaut n° ${localize("fr", c.brokenAt)} — ${localize("fr", c.reason)}. ${c.checked} événement(s) valide(s) avant lui.`,
    );
  }
  console.error(`Journal d'audit ALTÉRÉ : ${report.broken.length} chaîne(s) en défaut, ${intact} intacte(s).`);
  process.exitCode = 1;
}

main()
  .catch((e: unknown) => {
    console.error("Vérification impossible :", e instanceof Error ? e.message : e);
    process.exitCode = 2;
  })
  .finally(() => void db.$disconnect());
