import { ACCESS_RIGHTS, QUALITY_LABELS, ROLE_LABELS } from "@/lib/access/catalogue";
import { serviceLabel } from "@/lib/batch/services";
import { STATUS_LABELS as C607_STATUS_LABELS } from "@/lib/c607/requests/transitions";
import { formatSize } from "@/lib/forem/format-size";
import { DAY_LABELS, formatMinute } from "@/lib/security/access-policy";

import { EVENT_GROUPS } from "./event-types";

// The French words for the keys and codes stored in audit events (issue 11: the log showed
// `DRAFT → SENT`, `ART_60_7`, `FULL_TIME`). The stored event stays as written: the chain hashes it.

export const KEY_LABELS: Record<string, string> = {
  status: "statut",
  reason: "motif",
  person: "personne",
  right: "droit",
  rightCode: "droit",
  rightA: "droit",
  rightB: "incompatible avec",
  quality: "qualité",
  type: "qualité",
  name: "nom",
  firstName: "prénom",
  lastName: "nom",
  email: "e-mail",
  gl: "GL",
  role: "rôle",
  subdivision: "subdivision",
  validFrom: "début",
  validUntil: "fin",
  grantedAt: "attribué le",
  expiresAt: "expire le",
  deadline: "échéance",
  isBlocked: "bloqué",
  isEnforced: "appliquée",
  isActive: "active",
  active: "actif",
  decision: "décision",
  items: "éléments",
  revoked: "droits retirés",
  unanswered: "sans réponse",
  mode: "règle",
  stopped: "accès arrêtés",
  sessions: "sessions",
  challenges: "connexions en cours",
  invitations: "invitations",
  apiAccess: "jetons d'API",
  identifier: "identifiant",
  justification: "justification",
  kind: "type",
  start: "début",
  startDate: "début",
  plannedEnd: "fin prévue",
  plannedEndDate: "fin prévue",
  actualEndDate: "fin effective",
  regime: "régime",
  weeklyHours: "heures par semaine",
  fullTimeWeeklyHours: "heures d'un temps plein",
  daysPerWeek: "jours par semaine",
  employerName: "employeur tiers",
  employerBce: "BCE de l'employeur tiers",
  q: "recherche",
  source: "origine",
  line: "ligne",
  fileName: "fichier",
  count: "nombre",
  size: "taille",
  sha256: "empreinte SHA-256",
  asRecipient: "en tant que destinataire",
  toEntityId: "destinataire",
  workerId: "travailleur",
  parentId: "copie de",
  copyId: "copie",
  qualityId: "qualité",
  channelId: "canal",
  grant: "droit",
  attachmentId: "pièce jointe",
  partners: "partenaires",
  retentionDays: "conservation (jours)",
  sentAt: "envoyé le",
  number: "numéro",
  periodCount: "périodes",
  place: "lieu",
  signatory: "signataire",
  periodFrom: "du",
  periodTo: "au",
  rowCount: "lignes",
  minutes: "minutes d'inactivité",
  version: "version",
  title: "titre",
  stage: "étape",
  sessionEnded: "session fermée",
  allowedDays: "jours autorisés",
  startMinute: "à partir de",
  endMinute: "jusqu'à",
  allowedCidrs: "réseaux autorisés",
  lockedUntil: "verrouillé jusqu'au",
  level: "niveau",
  filtres: "filtres",
  limite: "limite",
  du: "du",
  au: "au",
  groupe: "groupe",
  personne: "personne",
  accounts: "comptes",
  mimeType: "format",
  days: "jours à prester",
  endDate: "fin du contrat",
  isOverride: "autre chiffre que la proposition",
  proposedDays: "jours proposés",
  missingDays: "jours manquants",
  proposedEndDate: "fin proposée",
  rulesetId: "règles",
  reference: "référence",
  derogation: "dérogation",
  employmentPeriods: "périodes d'occupation",
  assimilatedPeriods: "périodes assimilées",
  services: "services",
  accountName: "compte",
  technicalUsername: "utilisateur technique",
  certificateFingerprint: "empreinte du certificat",
  sshKeyFingerprint: "empreinte de la clé SSH",
  senderNumber: "numéro d'expéditeur",
  service: "service",
  providerBce: "BCE du mandataire",
  providerName: "mandataire",
  revokedAt: "révoqué le",
  directory: "répertoire",
  files: "fichiers",
  suspendedReason: "motif de suspension",
  year: "année",
  forms: "formulaires",
  centres: "centres",
  form: "formulaire",
  envelope: "enveloppe",
  amount: "montant",
  contactName: "contact",
  contactEmail: "e-mail du contact",
  contactPhone: "téléphone du contact",
  note: "note",
  valeur: "valeur",
};

const GROUP_LABELS: Record<string, string> = Object.fromEntries(Object.entries(EVENT_GROUPS).map(([code, g]) => [code, g.label.toLowerCase()]));
/** The French word for a key; `type` in the export's filters is a group of events, not a quality. */
export function keyLabel(key: string, action: string): string {
  if (key === "type" && action === "security_log.exported") return "type d'événement";
  return KEY_LABELS[key] ?? key;
}

const RIGHT_NAMES: Record<string, string> = Object.fromEntries(ACCESS_RIGHTS.map((r) => [r.code, r.name]));

const PERSON_STATUS: Record<string, string> = { ACTIVE: "actif", BLOCKED: "bloqué", INVITED: "invité" };
// Rapport unique form statuses (prisma/schema.prisma, RuFormStatus).
const RU_STATUS: Record<string, string> = {
  DRAFT: "en cours d'encodage",
  READY: "en signature",
  SENT: "envoyé au SPP IS",
  RETURNED: "renvoyé pour correction",
  ACCEPTED: "accepté par le SPP IS",
};
const C607_STATUS: Record<string, string> = C607_STATUS_LABELS;
const CONTRACT_KINDS: Record<string, string> = { ART_60_7: "article 60, § 7", ART_61: "article 61", SFTP: "SFTP", FTP: "FTP" };

/** Labels by key; `status` depends on what the event is about. */
export function valueLabels(key: string, action: string): Record<string, string> | undefined {
  switch (key) {
    case "status":
      return action.startsWith("c607.") ? C607_STATUS : action.startsWith("rapport_unique.") ? RU_STATUS : PERSON_STATUS;
    case "kind":
      return CONTRACT_KINDS;
    case "regime":
      return { FULL_TIME: "temps plein", PART_TIME: "temps partiel" };
    case "derogation":
      return { PENDING: "en attente", ACCEPTED: "acceptée", REFUSED: "refusée" };
    case "reason":
      return { CONTRACT_CHANGED: "données du contrat modifiées", EVENTS_DURING_CONTRACT: "événements pendant le contrat" };
    case "decision":
      return { KEEP: "garder", REVOKE: "retirer", ACCEPT: "accepter", REFUSE: "refuser", VALIDATE: "valider", OVERRIDE: "autre chiffre" };
    case "mode":
      return { FORBID: "interdit", JUSTIFY: "justification exigée" };
    case "type":
      // In the export's filters, `type` is a group of events; elsewhere a quality's type.
      return action === "security_log.exported" ? GROUP_LABELS : QUALITY_LABELS;
    case "quality":
      return QUALITY_LABELS;
    case "role":
      return ROLE_LABELS;
    case "right":
    case "rightCode":
    case "rightA":
    case "rightB":
      return RIGHT_NAMES;
    case "source":
      return { import: "import d'un fichier" };
    default:
      return undefined;
  }
}

/** Values that need a formatter rather than a dictionary. */
export function formatSpecial(key: string, value: unknown): string | undefined {
  if ((key === "startMinute" || key === "endMinute") && typeof value === "number") return formatMinute(value);
  if (key === "size" && typeof value === "number") return formatSize(value);
  if (key === "allowedDays" && Array.isArray(value)) return value.map((d) => DAY_LABELS[Number(d)] ?? String(d)).join(", ");
  if ((key === "services" || key === "service") && (Array.isArray(value) || typeof value === "string")) {
    return (Array.isArray(value) ? value : [value]).map((s) => serviceLabel(String(s))).join(", ");
  }
  if (key === "revokedAt" && value === "now") return "maintenant";
  return undefined;
}
