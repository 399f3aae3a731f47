import { serviceLabel } from "@/lib/batch/services";
import { formatSize } from "@/lib/forem/format-size";
import { type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { formatterFor, translatorFor } from "@/lib/i18n/translator";
import { formatMinute } from "@/lib/security/access-policy";

import { EVENT_GROUP_CODES, groupLabel } from "./event-types";

// The words for the keys and codes stored in audit events (issue 11: the log showed `DRAFT → SENT`,
// `ART_60_7`, `FULL_TIME`), in the reader's language (issue 13: messages/<locale>/securityLog.json).
// The stored event stays as written: the chain hashes it.

type Words = Record<string, string>;

/** The word for a key; `type` in the export's filters is a group of events, not a quality. */
export function keyLabel(key: string, action: string, locale: Locale = "fr"): string {
  const keys = messagesFor(locale).securityLog.keys as Words;
  if (key === "type" && action === "security_log.exported") return keys.eventType ?? key;
  return keys[key] ?? key;
}

/** Qualities, roles and rights in the reader's language, from the access-management catalogue. */
const accessWords = (locale: Locale) => messagesFor(locale).access;
const rightNames = (locale: Locale): Words =>
  Object.fromEntries(Object.entries(accessWords(locale).rights as Record<string, { name: string }>).map(([code, r]) => [code, r.name]));

/** Labels by key; `status` depends on what the event is about. */
export function valueLabels(key: string, action: string, locale: Locale = "fr"): Words | undefined {
  const v = messagesFor(locale).securityLog.values as Record<string, Words>;
  switch (key) {
    case "status":
      return action.startsWith("c607.") ? (messagesFor(locale).c607.status as Words) : action.startsWith("rapport_unique.") ? v.ruStatus : v.personStatus;
    case "kind":
      return v.contractKind;
    case "regime":
    case "derogation":
    case "reason":
    case "decision":
    case "mode":
    case "source":
    case "language":
      return v[key];
    case "type":
      // In the export's filters, `type` is a group of events; elsewhere a quality's type.
      return action === "security_log.exported"
        ? Object.fromEntries(EVENT_GROUP_CODES.map((c) => [c, groupLabel(c, locale).toLowerCase()]))
        : (accessWords(locale).qualities as Words);
    case "quality":
      return accessWords(locale).qualities as Words;
    case "role":
      return accessWords(locale).roles as Words;
    case "right":
    case "rightCode":
    case "rightA":
    case "rightB":
      return rightNames(locale);
    default:
      return undefined;
  }
}

/** Weekday 1 (Monday) … 7 (Sunday) in the reader's words (« lundi », « maandag »); undefined outside 1…7. */
function weekday(day: number, locale: Locale): string | undefined {
  if (!Number.isInteger(day) || day < 1 || day > 7) return undefined;
  // 5 January 2026 is a Monday.
  return formatterFor(locale).dateTime(Date.UTC(2026, 0, 4 + day), { weekday: "long", timeZone: "UTC" });
}

/** Values that need a formatter rather than a dictionary. */
export function formatSpecial(key: string, value: unknown, locale: Locale = "fr"): string | undefined {
  if ((key === "startMinute" || key === "endMinute") && typeof value === "number") return formatMinute(value);
  if (key === "size" && typeof value === "number") return formatSize(value);
  if (key === "allowedDays" && Array.isArray(value)) return value.map((d) => weekday(Number(d), locale) ?? String(d)).join(", ");
  if ((key === "services" || key === "service") && (Array.isArray(value) || typeof value === "string")) {
    return (Array.isArray(value) ? value : [value]).map((s) => serviceLabel(String(s), locale)).join(", ");
  }
  if (key === "revokedAt" && value === "now") return translatorFor(locale)("securityLog.words.now");
  return undefined;
}
