import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

import { headerText, isMailAddress } from "./address";
import type { RenderedMail } from "./templates";

// One SMTP delivery and what became of it (issue 12). "permanent": the server refused the
// recipient or the message for good (5xx) — retrying would change nothing; "temporary":
// connection refused, timeout, TLS, authentication, 4xx — the outbox tries again later.

export type SendOutcome = { ok: true; response: string; messageId: string } | { ok: false; permanent: boolean; response: string };

export type OutgoingMail = RenderedMail & { to: string; from: { name: string | null; address: string }; messageId: string };

export async function sendMail(
  transport: SMTPTransport.Options | nodemailer.Transporter<SMTPTransport.SentMessageInfo>,
  mail: OutgoingMail,
): Promise<SendOutcome> {
  // Checked again at the last moment, whatever wrote the outbox row.
  if (!isMailAddress(mail.to)) return { ok: false, permanent: true, response: "adresse du destinataire non valable" };
  const transporter = "sendMail" in transport ? transport : nodemailer.createTransport(transport);
  try {
    const info = await transporter.sendMail({
      from: mail.from.name ? { name: headerText(mail.from.name), address: mail.from.address } : mail.from.address,
      to: mail.to,
      subject: headerText(mail.subject, 200),
      text: mail.text,
      html: mail.html,
      // Stable per outbox row: a receiver (or a reader) can tell a resend of the same mail.
      messageId: mail.messageId,
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    if (info.rejected.length > 0) return { ok: false, permanent: true, response: headerText(info.response || "destinataire refusé", 500) };
    return { ok: true, response: headerText(info.response, 500), messageId: info.messageId };
  } catch (error) {
    return describeFailure(error);
  }
}

function describeFailure(error: unknown): SendOutcome {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  // 5xx to the envelope or the data is the server's final word; 5xx to AUTH or STARTTLS is our
  // configuration, which an administrator can fix: those wait in the outbox like an outage.
  const permanent = code !== null && code >= 500 && (e.code === "EENVELOPE" || e.code === "EMESSAGE");
  const response = headerText([e.code, e.response ?? e.message].filter(Boolean).join(" : "), 500) || "échec inconnu";
  return { ok: false, permanent, response };
}
