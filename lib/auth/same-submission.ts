import "server-only";

import { hitRateLimit, RATE_LIMITS } from "@/lib/security/rate-limit";

import { verifyPassword } from "./hash-password";

/**
 * How long after a one-time link (password reset, invitation) was used the same submission is still
 * answered as the success it was. One submission can reach the portal twice: the browser posts the
 * form itself while the page is not hydrated yet (React's progressive enhancement of the server
 * action) and a second click there posts it again (issue 12). docs/security.md.
 */
export const SAME_SUBMISSION_MS = 60_000;

/** What a used link's row must give (`select`) for `answerSameSubmission`. */
export const USED_LINK_SELECT = {
  usedAt: true,
  person: { select: { email: true, status: true, passwordChangedAt: true, passwordHash: true } },
} as const;

type UsedLink = {
  usedAt: Date | null;
  person: { email: string; status: string; passwordChangedAt: Date | null; passwordHash: string | null };
};

/**
 * The answer to a link that cannot be used: the success it gave when `password` repeats the
 * submission that used it — within the minute, an active account whose password was set at that
 * very use (`passwordChangedAt` is the same instant, so nothing changed it since), and the same
 * password — else `refusal()` is thrown. Such a repeat changes, audits and mails nothing.
 *
 * Each comparison costs one argon2id verification and tells whoever holds the used link whether a
 * guess is the new password, so a used link gets at most `RATE_LIMITS.usedLinkComparisons` of them,
 * counted in PostgreSQL (all instances) under the token's stored SHA-256, never the token. Past
 * that the answer is the refusal, with no verification: a capped repeat reads as a wrong one. One
 * submission sent twice costs one comparison (the first post uses the link).
 */
export async function answerSameSubmission(o: {
  kind: "reset" | "invitation";
  token: string;
  password: string;
  /** The token's hash as the link's row stores it. */
  hash: (token: string) => string;
  find: (tokenHash: string) => Promise<UsedLink | null>;
  refusal: () => Error;
}): Promise<{ email: string }> {
  const tokenHash = o.token && o.token.length <= 100 ? o.hash(o.token) : null;
  const link = tokenHash ? await o.find(tokenHash) : null;
  const repeat =
    link?.usedAt &&
    link.person.status === "ACTIVE" &&
    link.person.passwordChangedAt?.getTime() === link.usedAt.getTime() &&
    Date.now() - link.usedAt.getTime() <= SAME_SUBMISSION_MS &&
    (await hitRateLimit(`used-link:${o.kind}:${tokenHash}`, RATE_LIMITS.usedLinkComparisons)).allowed &&
    (await verifyPassword(link.person.passwordHash, o.password));
  if (!repeat) throw o.refusal();
  return { email: link.person.email };
}
