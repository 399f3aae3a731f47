// Plain-words summaries of an event's before/after and target, shared by the table and the CSV.

const MAX = 300;

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function entries(v: unknown): [string, unknown][] {
  return v && typeof v === "object" && !Array.isArray(v) ? Object.entries(v as Record<string, unknown>) : v == null ? [] : [["valeur", v]];
}

/** "status : ACTIVE → BLOCKED ; reason : mot de passe incorrect" (keys in both show their change). */
export function summarizeChange(before: unknown, after: unknown): string {
  const b = new Map(entries(before));
  const a = new Map(entries(after));
  const parts: string[] = [];
  for (const [key, value] of b) {
    parts.push(a.has(key) ? `${key} : ${show(value)} → ${show(a.get(key))}` : `${key} : ${show(value)} → (retiré)`);
  }
  for (const [key, value] of a) if (!b.has(key)) parts.push(`${key} : ${show(value)}`);
  const text = parts.join(" ; ");
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}

const TARGET_TYPES: Record<string, string> = {
  person: "personne",
  session: "session",
  quality: "qualité",
  Contract: "contrat",
  C607Request: "demande C60.7",
  FileTransfer: "fichier",
  ForemFile: "fichier FOREM",
};

/** A person target by name when known in the centre; anything else by its type and id. */
export function describeTarget(e: { targetType: string | null; targetId: string | null }, names: Map<string, string>): string {
  if (e.targetId && names.has(e.targetId)) return names.get(e.targetId)!;
  if (!e.targetType && !e.targetId) return "—";
  const type = e.targetType ? (TARGET_TYPES[e.targetType] ?? e.targetType) : "";
  return [type, e.targetId].filter(Boolean).join(" ");
}
