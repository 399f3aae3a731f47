import "server-only";

import { open } from "@/lib/crypto/keys";
import { parseDatabaseUrl } from "@/lib/db/database-url";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { PLACEHOLDER_ORIGIN } from "@/lib/mail/settings";

/**
 * The demo mailbox (issue 12): on `npm start`'s embedded database without SMTP, mails stay in the
 * outbox and this page shows them, so a newcomer can follow an invitation or a reset link. It exists
 * only there: never on PostgreSQL (production), never once SMTP is configured, never when the demo
 * data is turned off. Anyone who can open the portal can read it — like the demo accounts' public
 * password, it is for a demonstration on one machine.
 */
export function isDemoMailboxOn(): boolean {
  const e = env();
  return parseDatabaseUrl(e.DATABASE_URL).kind === "pglite" && !e.SMTP_URL && !e.SMTP_HOST && e.PORTAL_DEMO_DATA !== "false";
}

export async function listDemoMailbox() {
  if (!isDemoMailboxOn()) return null;
  const rows = await db.outboxMail.findMany({ where: { status: "PENDING" }, orderBy: { createdAt: "desc" }, take: 50 });
  return rows.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    createdAt: r.createdAt,
    // Links were written with a placeholder address (no NEXTAUTH_URL): shown as paths of this portal.
    text: r.bodySealed ? (JSON.parse(open(r.bodySealed)) as { text: string }).text.replaceAll(PLACEHOLDER_ORIGIN, "") : "",
  }));
}
