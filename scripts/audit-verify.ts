// Checks every audit chain (the legacy portal-wide one, the system one, one per centre). Exit 0
// when all are intact; exit 1 naming, for each broken chain, its first broken event. Records how
// far each chain is intact (lib/audit/chain-checkpoint.ts): the security log starts from there.
import { verifyAndCheckpoint } from "@/lib/audit/chain-checkpoint";
import { db } from "@/lib/db/client";
import { localize } from "@/lib/i18n/translator";

async function main() {
  const report = await verifyAndCheckpoint(db);
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
