// Checks the whole audit chain. Exit 0 when intact; exit 1 naming the first broken event.
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db/client";

async function main() {
  const report = await verifyAuditChain(db);
  if (report.ok) {
    console.log(`Journal d'audit intact : ${report.checked} événement(s) vérifié(s).`);
    return;
  }
  console.error(
    `Journal d'audit ALTÉRÉ : premier événement en défaut n° ${report.brokenAt} — ${report.reason}. ${report.checked} événement(s) valide(s) avant lui.`,
  );
  process.exitCode = 1;
}

main()
  .catch((e: unknown) => {
    console.error("Vérification impossible :", e instanceof Error ? e.message : e);
    process.exitCode = 2;
  })
  .finally(() => void db.$disconnect());
