// Seeds the demo data (idempotent). Run: npm run db:seed
import { db } from "@/lib/db/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/lib/seed/demo";

async function main() {
  await seedDemo(db);
  console.log(`Données de démonstration prêtes (${DEMO_ACCOUNTS.length} comptes, mot de passe commun : ${DEMO_PASSWORD}).`);
}

main()
  .catch((e: unknown) => {
    console.error("Échec du chargement des données de démonstration :", e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => void db.$disconnect());
