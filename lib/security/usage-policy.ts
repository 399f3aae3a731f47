import "server-only";

import type { Actor } from "@/lib/access/actor";
import { authorize, auditContext } from "@/lib/access/manage/command";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";

// Seed 002: "une politique d'utilisation rédigée par le DPD" with a confidentiality clause. Every
// user accepts the current version at first sign-in and after each new version.

export async function publishUsagePolicy(o: { actor: Actor; meta: RequestMeta; title: string; body: string }) {
  authorize(o.actor, "entity.publish_usage_policy", { entityId: o.actor.entityId });
  return db.$transaction(async (tx) => {
    // Lock the entity row: two publications at once still get distinct version numbers.
    await tx.$queryRaw`SELECT id FROM "Entity" WHERE id = ${o.actor.entityId}::uuid FOR UPDATE`;
    const last = await tx.usagePolicy.findFirst({ where: { entityId: o.actor.entityId }, orderBy: { version: "desc" }, select: { version: true } });
    const policy = await tx.usagePolicy.create({
      data: { entityId: o.actor.entityId, version: (last?.version ?? 0) + 1, title: o.title, body: o.body, publishedById: o.actor.personId },
    });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "policy.usage_published",
      targetType: "usage_policy",
      targetId: policy.id,
      after: { version: policy.version, title: o.title },
    });
    return policy;
  });
}

/** The current version when the actor has not accepted it yet; null otherwise (or when none exists). */
export async function pendingUsagePolicy(actor: Actor) {
  const current = await db.usagePolicy.findFirst({
    where: { entityId: actor.entityId },
    orderBy: { version: "desc" },
    include: { acceptances: { where: { personId: actor.personId }, select: { id: true } } },
  });
  return current && current.acceptances.length === 0 ? current : null;
}

export async function acceptUsagePolicy(o: { actor: Actor; meta: RequestMeta; policyId: string }) {
  return db.$transaction(async (tx) => {
    const policy = await tx.usagePolicy.findFirst({ where: { id: o.policyId, entityId: o.actor.entityId } });
    if (!policy) throw new AppError("NOT_FOUND", msg("policy.usage.notFound"));
    const latest = await tx.usagePolicy.findFirst({ where: { entityId: o.actor.entityId }, orderBy: { version: "desc" }, select: { id: true } });
    if (latest?.id !== policy.id) throw new AppError("CONFLICT", msg("policy.usage.newVersion"));
    await tx.usagePolicyAcceptance.upsert({
      where: { policyId_personId: { policyId: policy.id, personId: o.actor.personId } },
      update: {},
      create: { policyId: policy.id, personId: o.actor.personId, ip: o.meta.ip },
    });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "policy.usage_accepted",
      targetType: "usage_policy",
      targetId: policy.id,
      after: { version: policy.version },
    });
  });
}

/** For the DPD: who accepted the current version, who has not yet. Three queries. */
export async function usagePolicyStatus(actor: Actor) {
  authorize(actor, "entity.publish_usage_policy", { entityId: actor.entityId });
  const current = await db.usagePolicy.findFirst({ where: { entityId: actor.entityId }, orderBy: { version: "desc" } });
  if (!current) return null;
  const [accepted, pending] = await Promise.all([
    db.usagePolicyAcceptance.findMany({ where: { policyId: current.id }, orderBy: { acceptedAt: "desc" }, take: 200 }),
    db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "Person" p WHERE p."entityId" = ${actor.entityId}::uuid AND p.status = 'ACTIVE'
      AND NOT EXISTS (SELECT 1 FROM "UsagePolicyAcceptance" a WHERE a."policyId" = ${current.id}::uuid AND a."personId" = p.id)`,
  ]);
  const pendingCount = Number(pending[0]?.count ?? 0);
  const people = await db.person.findMany({ where: { id: { in: accepted.map((a) => a.personId) } }, select: { id: true, firstName: true, lastName: true } });
  return { current, accepted: accepted.map((a) => ({ ...a, person: people.find((p) => p.id === a.personId) ?? null })), pendingCount };
}
