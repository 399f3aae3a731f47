import "server-only";

import { auditContext, findPerson, refuseSelf, type Command } from "@/lib/access/manage/command";
import { authorizeOnPerson } from "@/lib/access/manage/person-scope";
import { assertOutranksEverywhere } from "@/lib/access/manage/standing";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { enqueueMail } from "@/lib/outbox/enqueue-mail";

import { stoppedSummary } from "./stop-all-access";
import { msg } from "@/lib/i18n/message-ref";

export const SECOND_FACTOR_RESET = "double authentification réinitialisée";

/**
 * A lost phone (issue 12): a manager who stands above the person everywhere they hold a role — the
 * GL or co-GL for a user of their quality, the RAE level for a manager (lib/access/hierarchy.ts) —
 * erases the person's TOTP secret and recovery codes. Their sessions and sign-in challenges end
 * (a phone may be lost with an open laptop); API tokens are left alone (no second factor behind
 * them). At the next sign-in the password leads to enrolment, which hands out new recovery codes.
 * The person is told by mail; the audit event names the manager.
 */
export async function resetSecondFactor(c: Command<{ personId: string }>): Promise<{ personName: string }> {
  refuseSelf(c.actor, c.personId);
  return db.$transaction(async (tx) => {
    const person = await findPerson(tx, c.actor, c.personId);
    await authorizeOnPerson(tx, c.actor, person);
    await assertOutranksEverywhere(tx, c.actor, person);
    if (person.status !== "ACTIVE") throw new AppError("CONFLICT", msg("account.errors.resetInactive"));
    const codes = await tx.recoveryCode.deleteMany({ where: { personId: person.id } });
    await tx.person.update({ where: { id: person.id }, data: { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null } });
    const now = new Date();
    const sessions = await tx.session.updateMany({
      where: { personId: person.id, revokedAt: null },
      data: { revokedAt: now, revokedReason: SECOND_FACTOR_RESET },
    });
    const challenges = await tx.loginChallenge.updateMany({
      where: { personId: person.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now, revokedReason: SECOND_FACTOR_RESET },
    });
    const byName = `${c.actor.firstName} ${c.actor.lastName}`;
    await enqueueMail(tx, {
      kind: "second_factor_reset",
      to: person.email,
      entityId: person.entityId,
      personId: person.id,
      data: { firstName: person.firstName, byName },
    });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "auth.second_factor_reset",
      targetType: "person",
      targetId: person.id,
      before: { enrolled: person.totpEnabledAt !== null },
      after: {
        enrolled: false,
        stopped: stoppedSummary({ sessions: sessions.count, challenges: challenges.count, invitations: 0, tokens: 0 }),
        oneTimeCodesErased: codes.count,
      },
    });
    return { personName: `${person.firstName} ${person.lastName}` };
  });
}
