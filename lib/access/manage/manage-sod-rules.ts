import "server-only";

import { ACCESS_RIGHTS, type RightCode } from "@/lib/access/catalogue";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import { auditContext, authorize, type Command } from "./command";

/** The DPD configures which pairs of rights cannot be held together (FORBID) or only with a justification (JUSTIFY). */
export async function addSodRule(c: Command<{ rightA: RightCode; rightB: RightCode; mode: "FORBID" | "JUSTIFY" }>) {
  authorize(c.actor, "entity.manage_sod", { entityId: c.actor.entityId });
  const codes = new Set<string>(ACCESS_RIGHTS.map((r) => r.code));
  if (!codes.has(c.rightA) || !codes.has(c.rightB) || c.rightA === c.rightB) throw new AppError("BAD_REQUEST", msg("access.errors.sodTwoRights"));
  // Stored in a canonical order so (A, B) and (B, A) are the same rule.
  const [rightA, rightB] = [c.rightA, c.rightB].sort() as [string, string];
  return db.$transaction(async (tx) => {
    const existing = await tx.sodRule.findUnique({ where: { entityId_rightA_rightB: { entityId: c.actor.entityId, rightA, rightB } } });
    const rule = await tx.sodRule.upsert({
      where: { entityId_rightA_rightB: { entityId: c.actor.entityId, rightA, rightB } },
      update: { mode: c.mode },
      create: { entityId: c.actor.entityId, rightA, rightB, mode: c.mode, createdById: c.actor.personId },
    });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.sod_rule_set",
      targetType: "sod_rule",
      targetId: rule.id,
      before: existing && { mode: existing.mode },
      after: { rightA, rightB, mode: c.mode },
    });
    return rule;
  });
}

export async function removeSodRule(c: Command<{ ruleId: string }>) {
  authorize(c.actor, "entity.manage_sod", { entityId: c.actor.entityId });
  return db.$transaction(async (tx) => {
    const rule = await tx.sodRule.findFirst({ where: { id: c.ruleId, entityId: c.actor.entityId } });
    if (!rule) throw notFound();
    await tx.sodRule.delete({ where: { id: rule.id } });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.sod_rule_removed",
      targetType: "sod_rule",
      targetId: rule.id,
      before: { rightA: rule.rightA, rightB: rule.rightB, mode: rule.mode },
    });
  });
}
