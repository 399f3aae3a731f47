import type { WorkKind } from "@/lib/outbox/notify-work";

import { greeting, layout, localized, mailT, portalLink, value, type MailContext } from "./layout";

// Work notifications (issue 12): a title and a link into the portal, no personal data beyond what
// the recipient may see there, never a national number (the request is named by its reference).
// In the recipient's language (issue 13): the words are the catalogue's (mail.work.<kind>), and a
// title given as a message reference (lib/i18n/message-ref.ts) is said in that language too.

type WorkData = { firstName: string; title: string; path: string };

const work = (kind: WorkKind) => (d: WorkData, ctx: MailContext) => {
  const t = mailT(ctx);
  return layout(ctx, {
    subject: t(`mail.work.${kind}.subject`),
    greeting: greeting(ctx, d.firstName),
    blocks: [
      { p: t(`mail.work.${kind}.intro`, { title: value(localized(ctx, d.title)) }) },
      { link: portalLink(ctx, d.path), label: t(`mail.work.${kind}.link`) },
    ],
    footnote: t("mail.work.footnote"),
  });
};

export const c607Answered = work("c607_answered");
export const c607ComplementRequested = work("c607_complement_requested");
export const c607DerogationDecided = work("c607_derogation_decided");
export const c607SecondWindow = work("c607_second_window");
export const fileReceived = work("fileexchange_received");
export const c607DeadlineNear = work("c607_deadline_near");
export const c607DeadlinePassed = work("c607_deadline_passed");
export const accessReviewDue = work("access_review_due");
export const rightExpiring = work("right_expiring");

export const ruToSign = work("ru_to_sign");
export const ruReturned = work("ru_returned");

/**
 * The daily digest: one line per notification held back, each with its link. An item with its
 * `kind` is named by the kind's label in the recipient's language (« Fichier reçu dans FileExchange :
 * rapport.pdf »); an item without one shows its title as given.
 */
export function digest(d: { firstName: string; items: { title: string; path: string; kind?: string }[] }, ctx: MailContext) {
  const t = mailT(ctx);
  const line = (i: { title: string; kind?: string }) => {
    const title = value(localized(ctx, i.title));
    const kind = i.kind ? (`mail.kinds.${i.kind}` as `mail.kinds.${WorkKind}`) : null;
    return kind && t.has(kind) ? t("mail.digest.item", { kind: t(kind), title }) : title;
  };
  return layout(ctx, {
    subject: t("mail.digest.subject", { count: d.items.length }),
    greeting: greeting(ctx, d.firstName),
    blocks: [{ p: t("mail.digest.intro") }, { list: d.items.map((i) => `${line(i)} — ${portalLink(ctx, i.path)}`) }],
    footnote: t("mail.digest.footnote"),
  });
}
