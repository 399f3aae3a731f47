import type { RuFormStatus, RuSignerRole } from "@/lib/generated/prisma/enums";

// French words for the statuses and steps of the Rapport unique (decided in docs/rapport-unique.md:
// the public material does not name them).
export const STATUS_LABELS: Record<RuFormStatus, string> = {
  DRAFT: "En cours d'encodage",
  READY: "En attente des signatures",
  SENT: "Envoyé au SPP IS",
  RETURNED: "Renvoyé pour correction",
  ACCEPTED: "Accepté par le SPP IS",
};

export const SIGNER_LABELS: Record<RuSignerRole, string> = { SECRETAIRE: "Secrétaire du CPAS", PRESIDENT: "Président du CPAS" };
/** « Signé en qualité de … » */
export const SIGNER_AS: Record<RuSignerRole, string> = { SECRETAIRE: "secrétaire du CPAS", PRESIDENT: "président du CPAS" };

export const EVENT_LABELS: Record<string, string> = {
  created: "Formulaire ouvert",
  section_saved: "Mesure enregistrée",
  spreadsheet_imported: "Fichier tableur importé",
  spreadsheet_removed: "Import du fichier tableur retiré",
  ready: "Marqué prêt pour signature",
  signed: "Signé",
  signatures_voided: "Signatures annulées",
  returned_by_signer: "Renvoyé au membre du personnel",
  sent: "Envoyé au SPP IS",
  returned_by_sppis: "Renvoyé pour correction par le SPP IS",
  accepted: "Accepté par le SPP IS",
};
