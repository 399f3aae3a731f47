// Child process of bench/audit-chain.ts: one Agent Social imports 1,000 contracts in its centre,
// through the domain function the upload route calls. Its own process, so that the import's work
// does not run on the event loop that times the sign-ins (it still shares the machine's cores).
// Prints "début" when the import starts and one JSON line when it ends.
import { loadActor } from "@/lib/auth/load-actor";
import { db } from "@/lib/db/client";
import { importContracts } from "@/lib/forem/contracts/import-contracts";

import { importCsv } from "./audit-chain-fixture";

async function main() {
  const sessionId = process.env.BENCH_IMPORT_SESSION ?? "";
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 1000);
  const actor = await loadActor(sessionId, { touch: false });
  if (!actor) throw new Error("session de l'agent introuvable");
  const bytes = importCsv(rows);
  console.log("début");
  const t0 = performance.now();
  const report = await importContracts({ actor, fileName: "contrats-banc.csv", bytes, meta: { ip: "127.0.0.1", userAgent: "bench-import" } });
  const ms = performance.now() - t0;
  console.log(
    JSON.stringify({ ms, isImported: report.isImported, importedCount: report.importedCount, refused: report.refused.length, fileError: report.fileError }),
  );
}

main()
  .catch((e: unknown) => {
    console.error("Import du banc d'essai interrompu :", e instanceof Error ? e.message : e);
    process.exitCode = 2;
  })
  .finally(() => void db.$disconnect());
