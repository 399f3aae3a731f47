import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";

import { DEFAULT_DELIVERY, WORK_KINDS, type WorkKind } from "./notify-work";

const DELIVERY = z.enum(["IMMEDIATE", "DIGEST", "OFF"]);
export const ZMailPreferences = z.object(Object.fromEntries(WORK_KINDS.map((k) => [k, DELIVERY])) as Record<WorkKind, typeof DELIVERY>);
export type TMailPreferences = z.infer<typeof ZMailPreferences>;

/** One's own choices, each kind with its default when never chosen. */
export async function getMyMailPreferences(actor: Actor): Promise<TMailPreferences> {
  const rows = await db.mailPreference.findMany({ where: { personId: actor.personId }, select: { kind: true, delivery: true } });
  const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
  return Object.fromEntries(WORK_KINDS.map((k) => [k, chosen.get(k) ?? DEFAULT_DELIVERY])) as TMailPreferences;
}

export async function saveMyMailPreferences(o: { actor: Actor; meta: RequestMeta; preferences: TMailPreferences }): Promise<void> {
  const before = await getMyMailPreferences(o.actor);
  await db.$transaction(async (tx) => {
    for (const [kind, delivery] of Object.entries(o.preferences)) {
      await tx.mailPreference.upsert({
        where: { personId_kind: { personId: o.actor.personId, kind } },
        create: { personId: o.actor.personId, kind, delivery },
        update: { delivery },
      });
    }
    await writeAuditEvent(
      tx,
      { actorId: o.actor.personId, entityId: o.actor.entityId, ...o.meta },
      { action: "mail.preferences_changed", targetType: "person", targetId: o.actor.personId, before, after: o.preferences },
    );
  });
}
