// `npm run keys:rotate`: re-seal data at rest with new keys. Set the NEW keys in PORTAL_DATA_KEY
// and PORTAL_INDEX_KEY, the OLD ones in PORTAL_DATA_KEY_PREVIOUS and PORTAL_INDEX_KEY_PREVIOUS.
import { rotateKeys } from "@/lib/crypto/rotate-keys";
import { db } from "@/lib/db/client";

const key = (name: string) => {
  const v = process.env[name];
  const b = v ? Buffer.from(v, "base64") : null;
  if (!b || b.length < 32) throw new Error(`${name} manquante ou trop courte (32 octets en base64).`);
  return b;
};

async function main() {
  const counts = await rotateKeys(db, {
    from: { data: key("PORTAL_DATA_KEY_PREVIOUS"), index: key("PORTAL_INDEX_KEY_PREVIOUS") },
    to: { data: key("PORTAL_DATA_KEY"), index: key("PORTAL_INDEX_KEY") },
  });
  console.log(
    `Rotation terminée : ${counts.people} numéro(s) national(aux) de personnes, ${counts.workers} de travailleurs, ${counts.totpSecrets} secret(s) TOTP, ${counts.challenges} enrôlement(s) en cours, ${counts.channelKeys} clé(s) SSH de canaux batch, ${counts.restClientKeys} clé(s) de clients REST.`,
  );
  console.log("Retirez maintenant PORTAL_DATA_KEY_PREVIOUS et PORTAL_INDEX_KEY_PREVIOUS de la configuration.");
}

main()
  .catch((e: unknown) => {
    console.error("Rotation interrompue :", e instanceof Error ? e.message : e, "— relancez la commande : elle reprend où elle s'est arrêtée.");
    process.exitCode = 1;
  })
  .finally(() => void db.$disconnect());
