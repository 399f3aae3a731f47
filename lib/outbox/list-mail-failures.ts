import "server-only";

import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/can";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors/app-error";

/**
 * The DPD's view of the centre's mails that could not be sent (issue 12): address, subject, when,
 * and the SMTP server's answer — never a body (a reset or invitation link would be in it). Also
 * how many wait for longer than an hour (an SMTP outage shows here before mails fail).
 */
export async function listMailFailures(actor: Actor, now = new Date()) {
  if (!can(actor, "entity.view_mail_failures", { entityId: actor.entityId })) throw forbidden();
  const [failed, waiting] = await Promise.all([
    db.outboxMail.findMany({
      where: { entityId: actor.entityId, status: "FAILED" },
      orderBy: { failedAt: "desc" },
      take: 200,
      select: { id: true, toAddress: true, subject: true, failedAt: true, attempts: true, smtpResponse: true },
    }),
    db.outboxMail.count({
      where: { entityId: actor.entityId, status: { in: ["PENDING", "SENDING"] }, createdAt: { lt: new Date(now.getTime() - 3_600_000) } },
    }),
  ]);
  return { failed, waitingOverAnHour: waiting };
}
