import "server-only";

import { seal } from "@/lib/crypto/keys";
import { parseDatabaseUrl } from "@/lib/db/database-url";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { isMailAddress } from "@/lib/mail/address";
import { mailPortalUrl } from "@/lib/mail/settings";
import { renderMail, type MailData, type MailKind } from "@/lib/mail/templates";
import { translatorFor } from "@/lib/i18n/translator";

// The one way to send a mail (issue 12): a row of the outbox, written with the caller's
// transaction, so the mail exists if and only if the change that causes it does. The worker
// (worker.ts) sends it later, once. Rendered now (the centre's name as it is today, in the
// recipient's language: their Person.language, issue 13), sealed, and announced with NOTIFY,
// which PostgreSQL delivers only when the transaction commits.

export const OUTBOX_CHANNEL = "portal_outbox";

export type EnqueueMail<K extends MailKind> = {
  kind: K;
  to: string;
  data: MailData<K>;
  /** The centre whose name the mail carries and whose DPD sees its failure. */
  entityId: string | null;
  personId?: string | null;
  /** The recipient's language when the caller already knows it; else the person's setting (French without a person). */
  locale?: Locale;
};

export async function enqueueMail<K extends MailKind>(tx: Tx, m: EnqueueMail<K>): Promise<{ id: string }> {
  const [centre, person] = await Promise.all([
    m.entityId ? tx.entity.findUnique({ where: { id: m.entityId }, select: { name: true } }) : null,
    !m.locale && m.personId ? tx.person.findUnique({ where: { id: m.personId }, select: { language: true } }) : null,
  ]);
  const locale = m.locale ?? person?.language ?? DEFAULT_LOCALE;
  const rendered = renderMail(m.kind, m.data, {
    centreName: centre?.name ?? translatorFor(locale)("common.portalName"),
    portalUrl: mailPortalUrl(env()),
    locale,
  });
  const to = m.to.trim().toLowerCase();
  // A malformed address is a recorded failure from the start: nothing is lost, nothing is sent.
  const isValid = isMailAddress(to);
  const row = await tx.outboxMail.create({
    data: {
      entityId: m.entityId,
      personId: m.personId ?? null,
      kind: m.kind,
      toAddress: to.slice(0, 320),
      subject: rendered.subject,
      bodySealed: isValid ? seal(JSON.stringify({ text: rendered.text, html: rendered.html })) : null,
      ...(isValid ? {} : { status: "FAILED" as const, failedAt: new Date(), smtpResponse: "adresse du destinataire non valable : courriel non envoyé" }),
    },
    select: { id: true },
  });
  if (isValid && parseDatabaseUrl(env().DATABASE_URL).kind === "postgres") {
    await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, ${row.id})`;
  }
  return row;
}
