import "server-only";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import type { RequestMeta } from "@/lib/http/request-context";

/**
 * The language a person works in (issue 13), on their own account only (the session's person,
 * never an input). Audited with before/after; no fresh second factor: it changes nothing anyone
 * could abuse, only the words the portal, its mails and its documents use for this person.
 */
export async function changeOwnLanguage(o: { actor: Actor; meta: RequestMeta; language: Locale }): Promise<{ language: Locale; changed: boolean }> {
  const ctx = { actorId: o.actor.personId, entityId: o.actor.entityId, ...o.meta };
  return db.$transaction(async (tx) => {
    const before = await tx.person.findUniqueOrThrow({ where: { id: o.actor.personId }, select: { language: true } });
    if (before.language === o.language) return { language: o.language, changed: false };
    await tx.person.update({ where: { id: o.actor.personId }, data: { language: o.language } });
    await writeAuditEvent(tx, ctx, {
      action: "account.language_changed",
      targetType: "person",
      targetId: o.actor.personId,
      before: { language: before.language },
      after: { language: o.language },
    });
    return { language: o.language, changed: true };
  });
}
