import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { stopAllAccess, stoppedSummary } from "@/lib/auth/stop-all-access";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import { auditContext, findPerson, refuseSelf, type Command } from "./command";
import { authorizeOnPerson } from "./person-scope";
import { assertOutranksEverywhere } from "./standing";

/** Blocks (every session, sign-in challenge, invitation and API token stops at once) or unblocks a person. A blocked person cannot sign in. */
export async function setPersonBlocked(c: Command<{ personId: string; isBlocked: boolean }>) {
  refuseSelf(c.actor, c.personId);
  return db.$transaction(async (tx) => {
    const person = await findPerson(tx, c.actor, c.personId);
    await authorizeOnPerson(tx, c.actor, person);
    // Blocking ends every access of the person: the actor must stand above them wherever they hold a role.
    await assertOutranksEverywhere(tx, c.actor, person);
    if (person.status === "INVITED") throw new AppError("CONFLICT", msg("access.errors.personInvited"));
    const status = c.isBlocked ? "BLOCKED" : "ACTIVE";
    if (person.status === status) throw new AppError("CONFLICT", c.isBlocked ? msg("access.errors.alreadyBlocked") : msg("access.errors.notBlocked"));
    await tx.person.update({ where: { id: person.id }, data: { status, ...(c.isBlocked ? {} : { failedLogins: 0, lockedUntil: null }) } });
    // Blocking stops every way in at once: sessions, open sign-in challenges, invitations, API tokens (suspended).
    const stopped = c.isBlocked ? await stopAllAccess(tx, { personId: person.id, reason: "compte bloqué", kind: "blocked" }) : null;
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: c.isBlocked ? "access.person_blocked" : "access.person_unblocked",
      targetType: "person",
      targetId: person.id,
      before: { status: person.status },
      after: { status, ...(stopped ? { stopped: stoppedSummary(stopped) } : {}) },
    });
  });
}
