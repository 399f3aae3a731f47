import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { auditContext, authorize } from "@/lib/access/manage/command";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { msg } from "@/lib/i18n/message-ref";

import { evaluateAccessPolicy, parseCidr, type AccessPolicyRule } from "./access-policy";

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: msg("access.security.errors.time") })
  .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3)));

/** The DPD's form. The network list is one CIDR per line; every line must parse. */
export const ZAccessPolicy = z
  .object({
    isEnforced: z.enum(["true", "false"]).transform((v) => v === "true"),
    allowedDays: z.array(z.coerce.number().int().min(1).max(7)).min(1, { error: msg("access.security.errors.noDay") }),
    start: time,
    end: time,
    allowedCidrs: z
      .string()
      .max(5000, { error: msg("access.security.errors.listTooLong") })
      .transform((v, ctx) => {
        const lines = v
          .split(/[\n,]/)
          .map((l) => l.trim())
          .filter(Boolean);
        const bad = lines.filter((l) => !parseCidr(l));
        if (bad.length) ctx.addIssue({ code: "custom", message: msg("access.security.errors.badNetworks", { networks: bad.slice(0, 3).join(", ") }) });
        return lines;
      }),
  })
  .refine((v) => v.end > v.start, { error: msg("access.security.errors.endBeforeStart"), path: ["end"] });

export type AccessPolicyInput = z.infer<typeof ZAccessPolicy>;
const toRule = (i: AccessPolicyInput): AccessPolicyRule => ({
  isEnforced: i.isEnforced,
  allowedDays: i.allowedDays,
  startMinute: i.start,
  endMinute: i.end,
  allowedCidrs: i.allowedCidrs,
});

/**
 * Who would be cut off right now if this policy were saved: every person with an open session
 * whose last known address, or the current time, falls outside it. Shown before saving.
 */
export async function previewAccessPolicy(actor: Actor, input: AccessPolicyInput) {
  authorize(actor, "entity.manage_access_policy", { entityId: actor.entityId });
  const rule = { ...toRule(input), isEnforced: true };
  const sessions = await db.session.findMany({
    where: { revokedAt: null, expiresAt: { gt: new Date() }, person: { entityId: actor.entityId } },
    select: { ip: true, person: { select: { id: true, firstName: true, lastName: true } } },
    take: 5000,
  });
  const now = new Date();
  const cut = new Map<string, { name: string; reason: string }>();
  for (const s of sessions) {
    const verdict = evaluateAccessPolicy(rule, { now, ip: s.ip });
    if (!verdict.ok) cut.set(s.person.id, { name: `${s.person.firstName} ${s.person.lastName}`, reason: verdict.reason });
  }
  return { openSessions: sessions.length, cutOff: [...cut.values()] };
}

export async function saveAccessPolicy(o: { actor: Actor; meta: RequestMeta; input: AccessPolicyInput }) {
  authorize(o.actor, "entity.manage_access_policy", { entityId: o.actor.entityId });
  const rule = toRule(o.input);
  return db.$transaction(async (tx) => {
    const before = await tx.accessPolicy.findUnique({ where: { entityId: o.actor.entityId } });
    await tx.accessPolicy.upsert({
      where: { entityId: o.actor.entityId },
      update: { ...rule, updatedById: o.actor.personId },
      create: { entityId: o.actor.entityId, ...rule, updatedById: o.actor.personId },
    });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "policy.access_changed",
      targetType: "entity",
      targetId: o.actor.entityId,
      before: before && {
        isEnforced: before.isEnforced,
        allowedDays: before.allowedDays,
        startMinute: before.startMinute,
        endMinute: before.endMinute,
        allowedCidrs: before.allowedCidrs,
      },
      after: rule,
    });
  });
}
