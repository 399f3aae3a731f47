import "server-only";

import { open } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import type { MailSettings } from "@/lib/mail/settings";
import { sendMail } from "@/lib/mail/send-mail";

import type nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

// Sends one outbox row, at most once (issue 12). The claim is a compare-and-set on the row's
// status: of two workers (two portal instances) handed the same mail, one moves it to SENDING and
// sends, the other finds nothing to do. A row left SENDING by a worker that died mid-send is taken
// again after SENDING_LEASE_MS (outbox-sweep.ts): the one case where a mail may go out twice,
// with the same Message-ID, so a reader's client shows it once.

export const SENDING_LEASE_MS = 10 * 60_000;

export type DeliveryResult = "sent" | "failed" | "retry" | "skipped";

type Sender = { settings: Extract<MailSettings, { configured: true }>; transporter: nodemailer.Transporter<SMTPTransport.SentMessageInfo> };

export async function deliverOutboxMail(id: string, sender: Sender, o: { isLastAttempt: boolean }): Promise<DeliveryResult> {
  const now = new Date();
  const claimed = await db.outboxMail.updateMany({
    where: { id, OR: [{ status: "PENDING" }, { status: "SENDING", lastAttemptAt: { lt: new Date(now.getTime() - SENDING_LEASE_MS) } }] },
    data: { status: "SENDING", lastAttemptAt: now, attempts: { increment: 1 } },
  });
  if (claimed.count !== 1) return "skipped";
  const mail = await db.outboxMail.findUniqueOrThrow({ where: { id } });
  if (!mail.bodySealed) {
    await db.outboxMail.update({ where: { id }, data: { status: "FAILED", failedAt: new Date(), smtpResponse: "corps du courriel absent" } });
    return "failed";
  }
  let body: { text: string; html: string };
  try {
    body = JSON.parse(open(mail.bodySealed)) as { text: string; html: string };
  } catch {
    // Sealed with a key the portal no longer has (a rotation without PORTAL_DATA_KEY_PREVIOUS).
    await db.outboxMail.update({
      where: { id },
      data: { status: "FAILED", failedAt: new Date(), smtpResponse: "corps illisible (clé de chiffrement)", bodySealed: null },
    });
    return "failed";
  }
  const outcome = await sendMail(sender.transporter, {
    to: mail.toAddress,
    from: sender.settings.from,
    subject: mail.subject,
    text: body.text,
    html: body.html,
    messageId: `<${mail.id}@${sender.settings.from.address.split("@")[1]}>`,
  });
  if (outcome.ok) {
    // The body held a link that must not outlive its use: only what the DPD's page shows remains.
    await db.outboxMail.update({
      where: { id },
      data: { status: "SENT", sentAt: new Date(), smtpResponse: outcome.response, messageId: outcome.messageId, bodySealed: null },
    });
    return "sent";
  }
  const isFinal = outcome.permanent || o.isLastAttempt;
  await db.outboxMail.update({
    where: { id },
    data: isFinal
      ? { status: "FAILED", failedAt: new Date(), smtpResponse: outcome.response, bodySealed: null }
      : { status: "PENDING", smtpResponse: outcome.response },
  });
  return isFinal ? "failed" : "retry";
}
