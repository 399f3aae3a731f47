import "server-only";

import { clipText } from "@/lib/i18n/clip-text";
import type { Tx } from "@/lib/db/client";
import type { MailDelivery } from "@/lib/generated/prisma/client";

import { enqueueMail } from "./enqueue-mail";

// Work notifications by mail (issue 12), each person choosing per kind: at once, in the daily
// digest, or not at all (page « Mes courriels »). Security notices are not here: they always go.

/** The kinds of work notification; each one's name for people is the catalogue's `mail.kinds.<kind>`. */
export const WORK_KINDS = [
  "c607_answered",
  "c607_complement_requested",
  "c607_derogation_decided",
  "c607_second_window",
  "c607_deadline_near",
  "c607_deadline_passed",
  "fileexchange_received",
  "right_expiring",
  "access_review_due",
  "ru_to_sign",
  "ru_returned",
] as const;

export type WorkKind = (typeof WORK_KINDS)[number];
export const DEFAULT_DELIVERY: MailDelivery = "IMMEDIATE";

/**
 * In the caller's transaction: one mail (or digest line) per recipient who is an active person of
 * the centre. `title` names the thing as the recipient sees it in the portal (a request's
 * reference, a file's name), never a national number (the templates mask one anyway).
 */
export async function mailWorkNotification(
  tx: Tx,
  o: { kind: WorkKind; entityId: string; recipientIds: (string | null | undefined)[]; title: string; path: string },
): Promise<number> {
  const ids = [...new Set(o.recipientIds.filter((id): id is string => typeof id === "string"))];
  if (ids.length === 0) return 0;
  const people = await tx.person.findMany({
    where: { id: { in: ids }, entityId: o.entityId, status: "ACTIVE" },
    select: { id: true, email: true, firstName: true, mailPreferences: { where: { kind: o.kind }, select: { delivery: true } } },
  });
  for (const p of people) {
    const delivery = p.mailPreferences[0]?.delivery ?? DEFAULT_DELIVERY;
    if (delivery === "OFF") continue;
    if (delivery === "DIGEST") {
      await tx.mailDigestItem.create({ data: { personId: p.id, entityId: o.entityId, kind: o.kind, title: clipText(o.title, 200), path: o.path } });
    } else {
      await enqueueMail(tx, {
        kind: o.kind,
        to: p.email,
        entityId: o.entityId,
        personId: p.id,
        data: { firstName: p.firstName, title: o.title, path: o.path },
      });
    }
  }
  return people.length;
}
