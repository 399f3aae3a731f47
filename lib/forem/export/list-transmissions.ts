import "server-only";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";

import { assertForemAccess } from "../access";
import { fromDbDate } from "../dates";

/** The centre's register of FOREM files sent, newest first, with the name of who sent each. */
export async function listTransmissions(o: { actor: Actor; take?: number }) {
  assertForemAccess(o.actor);
  const rows = await db.foremTransmission.findMany({ where: { entityId: o.actor.entityId }, orderBy: { createdAt: "desc" }, take: o.take ?? 100 });
  const people = await db.person.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.createdById))] }, entityId: o.actor.entityId },
    select: { id: true, firstName: true, lastName: true },
  });
  const names = new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    createdBy: names.get(r.createdById) ?? "—",
    periodFrom: fromDbDate(r.periodFrom),
    periodTo: fromDbDate(r.periodTo),
    rowCount: r.rowCount,
    fileName: r.fileName,
    note: r.note,
  }));
}
