// What may reach a mail header (issue 12, "header injection in any field that reaches a mail").
// Addresses are checked against a strict shape before a mail is queued; every other value that
// reaches a header (the subject, built from names and titles) loses its line breaks and control
// characters here, so no value can start a header of its own. nodemailer encodes non-ASCII text.

const LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A plain address `local@domain.tld`: no display name, no comment, no quoted part, no IP literal. */
export function isMailAddress(value: string): boolean {
  if (value.length > 254 || value !== value.trim()) return false;
  const at = value.lastIndexOf("@");
  if (at < 1 || at !== value.indexOf("@")) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split(".");
  if (local.length > 64 || !LOCAL.test(local) || local.startsWith(".") || local.endsWith(".") || local.includes("..")) return false;
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && /[A-Za-z]/.test(labels.at(-1)!);
}

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of text for a header: breaks and controls become a space, at most `max` characters. */
export function headerText(value: string, max = 180): string {
  const line = value
    .replace(BREAKS, " ")
    .replace(/\s{2,}/g, " ")
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * MAIL_FROM: « Portail CPAS <portail@cpas.example> » or a bare address. Returns the display name
 * (one line) and the address, or null when it is not one.
 */
export function parseSender(value: string): { name: string | null; address: string } | null {
  const bracket = /^([^<>]*)<([^<>]+)>$/.exec(value.trim());
  const address = bracket ? bracket[2]!.trim() : value.trim();
  if (!isMailAddress(address)) return null;
  const name = bracket ? headerText(bracket[1]!.replace(/"/g, "")) : "";
  return { name: name || null, address };
}
