import { ACCESS_RIGHTS, QUALITY_LABELS, ROLE_LABELS } from "@/lib/access/catalogue";

// Plain-words summaries of an event's before/after and target, shared by the table and the CSV.
// What the security advisor reads is French and the seeds' terms: names, not ids; labels, not enum
// codes; dates in Brussels time. The stored event stays as written (the audit chain hashes it).

const MAX = 300;

const KEY_LABELS: Record<string, string> = {
  status: "statut",
  reason: "motif",
  person: "personne",
  right: "droit",
  rightCode: "droit",
  quality: "qualité",
  name: "nom",
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
  active: "actif",
  decision: "décision",
  items: "éléments",
  stopped: "accès arrêtés",
  sessions: "sessions",
  challenges: "connexions en cours",
  invitations: "invitations",
  apiAccess: "jetons d'API",
  identifier: "identifiant",
};

const VALUE_LABELS: Record<string, string> = {
  ...QUALITY_LABELS,
  ...ROLE_LABELS,
  ...Object.fromEntries(ACCESS_RIGHTS.map((r) => [r.code, r.name])),
  ACTIVE: "actif",
  BLOCKED: "bloqué",
  INVITED: "invité",
  KEEP: "garder",
  REVOKE: "retirer",
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
const dateTime = new Intl.DateTimeFormat("fr-BE", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Brussels",
});

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (ISO_DATE.test(value)) return dateTime.format(new Date(value));
    return VALUE_LABELS[value] ?? value;
  }
  if (Array.isArray(value)) return value.map(show).join(", ");
  const o = value as Record<string, unknown>;
  // A person or a named thing ({ id, name }): its name, never its id.
  if (typeof o.name === "string") return o.name;
  return `(${Object.entries(o)
    .map(([k, v]) => `${KEY_LABELS[k] ?? k} : ${show(v)}`)
    .join(", ")})`;
}

function entries(v: unknown): [string, unknown][] {
  return v && typeof v === "object" && !Array.isArray(v) ? Object.entries(v as Record<string, unknown>) : v == null ? [] : [["valeur", v]];
}

/** "statut : actif → bloqué ; motif : mot de passe incorrect" (keys in both show their change). */
export function summarizeChange(before: unknown, after: unknown): string {
  const b = new Map(entries(before));
  const a = new Map(entries(after));
  const label = (key: string) => KEY_LABELS[key] ?? key;
  const parts: string[] = [];
  for (const [key, value] of b) {
    parts.push(a.has(key) ? `${label(key)} : ${show(value)} → ${show(a.get(key))}` : `${label(key)} : ${show(value)} → (retiré)`);
  }
  for (const [key, value] of a) if (!b.has(key)) parts.push(`${label(key)} : ${show(value)}`);
  const text = parts.join(" ; ");
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}

const TARGET_TYPES: Record<string, string> = {
  person: "personne",
  session: "session",
  quality: "qualité",
  subdivision: "subdivision",
  review: "revue des accès",
  review_item: "élément de revue",
  Contract: "contrat",
  C607Request: "demande C60.7",
  FileTransfer: "fichier",
  ForemFile: "fichier FOREM",
};

/** A person, quality or subdivision target by name when known in the centre; anything else by its type and id. */
export function describeTarget(e: { targetType: string | null; targetId: string | null }, names: Map<string, string>): string {
  if (e.targetId && names.has(e.targetId)) return names.get(e.targetId)!;
  if (!e.targetType && !e.targetId) return "—";
  const type = e.targetType ? (TARGET_TYPES[e.targetType] ?? e.targetType) : "";
  return [type, e.targetId].filter(Boolean).join(" ");
}
