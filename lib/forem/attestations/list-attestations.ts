import "server-only";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";

import { assertForemAccess } from "../access";

/** The centre's attestations register, newest first. */
export async function listAttestations(o: { actor: Actor; take?: number }) {
  assertForemAccess(o.actor);
  const rows = await db.attestation.findMany({
    where: { entityId: o.actor.entityId },
    orderBy: { createdAt: "desc" },
    take: o.take ?? 100,
    include: { worker: { select: { firstName: true, lastName: true } } },
  });
  return rows.map((a) => ({
    id: a.id,
    number: a.number,
    createdAt: a.createdAt,
    workerName: `${a.worker.lastName} ${a.worker.firstName}`,
    place: a.place,
    signatory: a.signatory,
  }));
}

/** Workers of the centre who have at least one contract: the choices of the attestation form. */
export async function listWorkersWithContracts(o: { actor: Actor }) {
  assertForemAccess(o.actor);
  const workers = await db.worker.findMany({
    where: { entityId: o.actor.entityId, contracts: { some: {} } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, firstName: true, lastName: true, _count: { select: { contracts: true } } },
    take: 2000,
  });
  return workers.map((w) => ({ id: w.id, name: `${w.lastName} ${w.firstName}`, contractCount: w._count.contracts }));
}
