import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { formatterFor, translatorFor } from "@/lib/i18n/translator";

import { formatSpecial, keyLabel, valueLabels } from "./value-labels";

// Plain-words summaries of an event's before/after and target, shared by the table and the CSV.
// What the security advisor reads is in their language and the seeds' terms: names, not ids;
// labels, not enum codes; dates in Brussels time. The stored event stays as written (the audit
// chain hashes it).

const MAX = 300;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DescribeOptions = {
  /** The event's action, which decides what a status code means (C60.7, Rapport unique, people). */
  action?: string;
  /** Names of the ids the reader may know (people, workers, partners…); other ids are left out. */
  names?: ReadonlyMap<string, string>;
  /** The reader's language (default French). */
  locale?: Locale;
};

type Resolved = Required<DescribeOptions>;
const words = (o: Resolved) => messagesFor(o.locale).securityLog.words;

/** `undefined` when the value says nothing to a person (an id nobody can name). */
function show(key: string, value: unknown, o: Resolved): string | undefined {
  if (value === null || value === undefined) return "—";
  const special = formatSpecial(key, value, o.locale);
  if (special !== undefined) return special;
  if (typeof value === "boolean") return value ? words(o).yes : words(o).no;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "string") {
    if (UUID.test(value)) return o.names.get(value);
    if (ISO_INSTANT.test(value)) return formatterFor(o.locale).dateTime(new Date(value), "dateTime");
    const day = ISO_DAY.exec(value);
    if (day) return `${day[3]}/${day[2]}/${day[1]}`;
    return valueLabels(key, o.action, o.locale)?.[value] ?? value;
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => show(key, v, o)).filter((v): v is string => v !== undefined);
    return items.length > 0 ? items.join(", ") : value.length > 0 ? undefined : words(o).none;
  }
  const obj = value as Record<string, unknown>;
  // A person or a named thing ({ id, name }): its name, never its id.
  if (typeof obj.name === "string") return obj.name;
  const parts = describeEntries(Object.entries(obj), o);
  return parts.length > 0 ? `(${parts.join(", ")})` : undefined;
}

function describeEntries(entries: [string, unknown][], o: Resolved): string[] {
  const parts: string[] = [];
  for (const [key, value] of entries) {
    const text = show(key, value, o);
    if (text !== undefined) parts.push(`${keyLabel(key, o.action, o.locale)}${colon(o)}${text}`);
  }
  return parts;
}

/** French puts a space before the colon, Dutch does not. */
const colon = (o: Resolved) => (o.locale === "fr" ? " : " : ": ");

function entries(v: unknown): [string, unknown][] {
  return v && typeof v === "object" && !Array.isArray(v) ? Object.entries(v as Record<string, unknown>) : v == null ? [] : [["valeur", v]];
}

/** "statut : actif → bloqué ; motif : mot de passe incorrect" (keys in both show their change). */
export function summarizeChange(before: unknown, after: unknown, options: DescribeOptions = {}): string {
  const o: Resolved = { action: options.action ?? "", names: options.names ?? new Map<string, string>(), locale: options.locale ?? "fr" };
  const b = new Map(entries(before));
  const a = new Map(entries(after));
  const label = (key: string) => keyLabel(key, o.action, o.locale);
  const c = colon(o);
  const parts: string[] = [];
  for (const [key, value] of b) {
    const from = show(key, value, o);
    if (!a.has(key)) {
      if (from !== undefined) parts.push(`${label(key)}${c}${from} → ${words(o).removed}`);
      continue;
    }
    const to = show(key, a.get(key), o);
    if (from === undefined && to === undefined) continue;
    parts.push(from === to ? `${label(key)}${c}${to ?? "—"}` : `${label(key)}${c}${from ?? "—"} → ${to ?? "—"}`);
  }
  for (const [key, value] of a) {
    if (b.has(key)) continue;
    const text = show(key, value, o);
    if (text !== undefined) parts.push(`${label(key)}${c}${text}`);
  }
  const text = parts.join(o.locale === "fr" ? " ; " : "; ");
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}

/**
 * The target by name when the centre knows it (« personne Anne Test » reads as just the name; a
 * request by its reference, a worker by name…); otherwise its kind in words. An id is shown only
 * for a session, whose short handle the sessions page also shows.
 */
export function describeTarget(e: { targetType: string | null; targetId: string | null }, names: ReadonlyMap<string, string>, locale: Locale = "fr"): string {
  if (!e.targetType && !e.targetId) return "—";
  const targets = messagesFor(locale).securityLog.targets as Record<string, string>;
  const type = (e.targetType ? targets[e.targetType] : undefined) ?? targets.other ?? "—";
  const name = e.targetId ? names.get(e.targetId) : undefined;
  if (name) return e.targetType === "person" ? name : translatorFor(locale)("securityLog.words.namedTarget", { type, name });
  return e.targetType === "session" && e.targetId ? `${type} ${e.targetId.slice(0, 8)}` : type;
}
