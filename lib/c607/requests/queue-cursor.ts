import { isCalendarDate } from "@/lib/c607/calendar-date";

// Keyset pagination of the C60.7 lists (issue 15, docs/c607.md "Pages et total"). A cursor names a
// position in one list's order and a direction from it, never a page number:
// - the ONEM queue: (deadline, sentAt, id) ascending — `q`;
// - a centre's list: (createdAt, id) descending — `c`.
// `n` reads the rows after the position (the next page), `p` the rows before it (the previous one).
// It is opaque to clients (base64url of a short text) but carries no secret: only the sort values of
// a row the reader was shown. It never widens a list: the centre, the status and the other filters
// come from the actor and the query, and the position only says where to start within them.

/**
 * The lists' totals are counted up to this many requests, then shown as "more than 10,000": the
 * count reads at most this many index entries whatever the size of the queue (docs/c607.md).
 */
export const TOTAL_CAP = 10_000;
/** Page numbers (OFFSET, kept for the API's clients) reach the capped total at 50 a page; further pages only by cursor. */
export const MAX_PAGE = 200;

export type QueueCursor =
  { list: "q"; dir: "n" | "p"; deadline: string; sentAt: Date; id: string } | { list: "c"; dir: "n" | "p"; createdAt: Date; id: string };

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const QUEUE = new RegExp(`^q:([np]):(\\d{4}-\\d{2}-\\d{2}):(\\d{1,15}):(${UUID})$`);
const CENTRE = new RegExp(`^c:([np]):(\\d{1,15}):(${UUID})$`);
/** Longer than any cursor this module writes (≈ 110 characters): refused before decoding. */
export const CURSOR_MAX_LENGTH = 160;
/**
 * The last instant with a four-digit year. Fifteen digits reach year 33658, which JavaScript writes
 * `+033658-…` and PostgreSQL refuses (a 500 before this check: list-api-attack.integration.test.ts).
 */
const LAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const instant = (ms: string): Date | null => (Number(ms) <= LAST_MS ? new Date(Number(ms)) : null);

// ASCII only, so btoa/atob (no Buffer: the schemas that check a cursor are also bundled for forms).
const toBase64Url = (ascii: string) => btoa(ascii).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
function fromBase64Url(raw: string): string | null {
  try {
    return atob(raw.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
}

export function encodeCursor(c: QueueCursor): string {
  return toBase64Url(c.list === "q" ? `q:${c.dir}:${c.deadline}:${c.sentAt.getTime()}:${c.id}` : `c:${c.dir}:${c.createdAt.getTime()}:${c.id}`);
}

/** The cursor, or null when it is not one this module wrote (any other text, a non-canonical encoding). */
export function decodeCursor(raw: string): QueueCursor | null {
  if (raw.length === 0 || raw.length > CURSOR_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  const text = fromBase64Url(raw);
  if (text === null || !/^[\x20-\x7e]+$/.test(text) || toBase64Url(text) !== raw) return null;
  const q = QUEUE.exec(text);
  if (q) {
    const [, dir, deadline, ms, id] = q;
    const sentAt = instant(ms!);
    if (!isCalendarDate(deadline!) || !sentAt) return null;
    return { list: "q", dir: dir as "n" | "p", deadline: deadline!, sentAt, id: id! };
  }
  const c = CENTRE.exec(text);
  if (c) {
    const [, dir, ms, id] = c;
    const createdAt = instant(ms!);
    return createdAt ? { list: "c", dir: dir as "n" | "p", createdAt, id: id! } : null;
  }
  return null;
}
