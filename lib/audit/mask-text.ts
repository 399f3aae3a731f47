import { isSessionHandle } from "@/lib/sessions/session-handle";

// Free text (file names, reasons, user agents…) on its way into the append-only audit trail:
// whatever looks like a national number or a secret is masked, since an event can never be edited
// afterwards. Shapes, not meaning: a false positive costs a masked word, a miss is kept forever.

export const NISS_MASK = "[numéro masqué]";
export const SECRET_MASK = "[secret masqué]";

// 11 digits, not inside a longer number, with or without the usual separators (YY.MM.DD-XXX.CC) or
// those of file names ("_", "/"): also inside words, e.g. "contrat_85073003328.xlsx".
const NISS_LIKE = /(?<!\d)\d{2}[ ._/-]?\d{2}[ ._/-]?\d{2}[ ._/-]?\d{3}[ ._/-]?\d{2}(?!\d)/g;

const KNOWN_SECRETS: RegExp[] = [
  /\bcpas_[A-Za-z0-9_-]{8,}/g, // personal API token (lib/api-tokens/token-format.ts)
  /\bBearer\s+\S+/gi,
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, // JWT (a next-auth cookie)
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

// Runs of base64/base64url/base32 characters long enough to be a key or a token.
const LONG_RUN = /[A-Za-z0-9+/=_-]{24,}/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
// Digests declared as such are kept: a keyed hash of an unknown identifier ("hmac:…", lib/auth) and
// SSH key fingerprints ("SHA256:…") are what the trail is meant to hold instead of the secret.
const DECLARED_DIGEST = /(hmac|sha256|sha-256|sha512):$/i;

function charClass(c: string): number {
  if (c >= "a" && c <= "z") return 0;
  if (c >= "A" && c <= "Z") return 1;
  if (c >= "0" && c <= "9") return 2;
  return 3;
}

/**
 * Random-looking: in a random base64 string the kind of character (lower, upper, digit, symbol)
 * changes at about two positions in three; in words, dates and file names ("Attestation_2026_Dupont")
 * about one in four. Lower-case hex (digests, ids) is kept: the portal's secrets are base64url or base32.
 */
export function isRandomLooking(run: string): boolean {
  if (run.length < 24) return false;
  if (/^[0-9a-f]+$/.test(run)) return false;
  // base32 (TOTP secrets): upper case and the digits 2–7 only, with several digits.
  if (/^[A-Z2-7]+=*$/.test(run)) return run.length >= 26 && (run.match(/[2-7]/g)?.length ?? 0) >= 3;
  let changes = 0;
  for (let i = 1; i < run.length; i++) if (charClass(run[i]!) !== charClass(run[i - 1]!)) changes += 1;
  return changes / (run.length - 1) >= 0.45;
}

function maskLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run, offset: number) => {
    if (DECLARED_DIGEST.test(text.slice(Math.max(0, offset - 8), offset))) return run;
    // UUIDs are ids, not secrets: judge what is around them.
    const pieces = run.split(UUID);
    return pieces.some(isRandomLooking) ? SECRET_MASK : run;
  });
}

// A digest (32+ lower-case hex characters) may hold 11 digits in a row by chance: it is not a NISS.
// Nor is a UUID, whose groups may line up as dd-dddd-ddddd… (a target id masked by chance was
// seen once in about a thousand runs: the event could no longer be found by its target).
const HEX_DIGEST_OR_UUID = /(?<![0-9A-Za-z])(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,})(?![0-9A-Za-z])/gi;

function maskNissOutsideDigests(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(HEX_DIGEST_OR_UUID)) {
    out += text.slice(last, m.index).replace(NISS_LIKE, NISS_MASK) + m[0];
    last = m.index + m[0].length;
  }
  return out + text.slice(last).replace(NISS_LIKE, NISS_MASK);
}

/** Masks national numbers and secret-shaped words in a piece of free text. */
export function maskText(text: string): string {
  let out = maskNissOutsideDigests(text);
  for (const pattern of KNOWN_SECRETS) out = out.replace(pattern, SECRET_MASK);
  return maskLongRuns(out);
}

/** Only the national-number rule: for fields that hold ids (targetId), where long ids are normal. */
export function maskNiss(text: string): string {
  return maskNissOutsideDigests(text);
}

/**
 * A target's id as the trail keeps it: national numbers masked, except in a session's handle. A
 * handle is 24 hex characters of a digest (lib/sessions/session-handle.ts), too short for the
 * digest rule above, and about one in thirty holds 11 digits in a row by chance: masked, the sign-in
 * and sign-out of that session could no longer be found by the handle the person's sessions page
 * shows (seen in a test run on 3 December 2026: « a260c7734dc7d62271058123 »).
 */
export function maskTargetId(targetType: string | null | undefined, targetId: string): string {
  return targetType === "session" && isSessionHandle(targetId) ? targetId : maskNiss(targetId);
}
