import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";

import { evaluateAccessPolicy, type PolicyVerdict } from "./access-policy";

export async function checkAccessPolicy(entityId: string, ip: string | null, now = new Date()): Promise<PolicyVerdict> {
  const policy = await db.accessPolicy.findUnique({ where: { entityId } });
  return evaluateAccessPolicy(policy, { now, ip });
}

/**
 * A request outside the centre's hours or networks: the session ends now (not at its next
 * timeout) and the violation is audited for the security advisor.
 */
export async function endSessionForViolation(o: {
  sessionId: string | null;
  personId: string;
  entityId: string;
  ip: string | null;
  userAgent: string | null;
  verdict: Extract<PolicyVerdict, { ok: false }>;
  stage: "connexion" | "requête";
}) {
  await db.$transaction(async (tx) => {
    if (o.sessionId) {
      await tx.session.updateMany({
        where: { id: o.sessionId, revokedAt: null },
        data: { revokedAt: new Date(), revokedReason: `politique d'accès (${o.verdict.reason})` },
      });
    }
    await writeAuditEvent(
      tx,
      { actorId: o.personId, entityId: o.entityId, ip: o.ip, userAgent: o.userAgent },
      {
        action: "policy.violation",
        targetType: "person",
        targetId: o.personId,
        after: { reason: o.verdict.reason, stage: o.stage, sessionEnded: o.sessionId !== null },
      },
    );
  });
}
