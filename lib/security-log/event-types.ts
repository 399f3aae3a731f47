// The groups the security advisor filters by (issue 6) and the label of each audit action, in the
// reader's language (issue 13: messages/<locale>/audit.json and securityLog.json). A group matches
// exact action names and/or prefixes; "policy.*" events come from the network and hours policy,
// whatever their exact names.
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { translatorFor } from "@/lib/i18n/translator";

export type EventGroup = { actions?: readonly string[]; prefixes?: readonly string[] };

export const EVENT_GROUPS = {
  connexions: { actions: ["auth.sign_in", "auth.totp_enrolled", "auth.recovery_code_used"] },
  echecs: { actions: ["auth.sign_in_failed", "auth.sign_in_refused"] },
  verrouillages: { actions: ["auth.lockout"] },
  politique: { prefixes: ["policy."] },
  acces: { prefixes: ["access."] },
  canaux: { prefixes: ["channel.", "mandate.", "batch.", "rest_client."] },
  exports: { prefixes: ["forem.", "c607.", "attestation.", "file_exchange.", "security_log."] },
  sessions: { actions: ["auth.sign_out", "auth.session_ended"], prefixes: ["session."] },
  rapportUnique: { prefixes: ["rapport_unique."] },
} as const satisfies Record<string, EventGroup>;

export type EventGroupCode = keyof typeof EVENT_GROUPS;
export const EVENT_GROUP_CODES = Object.keys(EVENT_GROUPS) as [EventGroupCode, ...EventGroupCode[]];

/** The group's name in the reader's language. */
export function groupLabel(code: EventGroupCode, locale: Locale = "fr"): string {
  return translatorFor(locale)(`securityLog.groups.${code}`);
}

type Labels = Record<string, Record<string, string>>;

function labelOf(action: string, locale: Locale): string | undefined {
  const cut = action.indexOf(".");
  if (cut < 0) return undefined;
  const actions = messagesFor(locale).audit.actions as Labels;
  return actions[action.slice(0, cut)]?.[action.slice(cut + 1)];
}

/** Whether the action has its own label (the test over every audited action asks this, in both languages). */
export const hasActionLabel = (action: string, locale: Locale = "fr"): boolean => labelOf(action, locale) !== undefined;

/** The label of an action in the reader's language; an unknown one keeps its code (never hidden). */
export function actionLabel(action: string, locale: Locale = "fr"): string {
  const known = labelOf(action, locale);
  if (known) return known;
  if (action.startsWith("policy.")) return translatorFor(locale)("audit.policyViolation", { code: action.slice("policy.".length) });
  return action;
}
