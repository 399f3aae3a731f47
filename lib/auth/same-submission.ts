import "server-only";

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
 */
export async function answerSameSubmission(o: {
  token: string;
  password: string;
  find: (token: string) => Promise<UsedLink | null>;
  refusal: () => Error;
}): Promise<{ email: string }> {
  const link = o.token && o.token.length <= 100 ? await o.find(o.token) : null;
  const repeat =
    link?.usedAt &&
    link.person.status === "ACTIVE" &&
    link.person.passwordChangedAt?.getTime() === link.usedAt.getTime() &&
    Date.now() - link.usedAt.getTime() <= SAME_SUBMISSION_MS &&
    (await verifyPassword(link.person.passwordHash, o.password));
  if (!repeat) throw o.refusal();
  return { email: link.person.email };
}
