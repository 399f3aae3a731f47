import { randomUUID } from "node:crypto";

import { createSession } from "@/lib/auth/sessions";
import { blindIndex, seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { enqueueMail } from "@/lib/outbox/enqueue-mail";

import { addQueueRows, buildActors, nissFor, type QueueFixture } from "./c607-queue-fixture";
import { buildCentre, type Fixture } from "./lib/build-fixture";

// Data of bench/cluster.ts (issue 15, goal 4), built with the other benchmarks' builders: the centre
// of 5,000 users of `npm run bench` (its manager is RAE, GL and Agent social), the 20 CPAS centres
// and the ONEM collaborator of bench/c607.sh with QUEUE_ROWS requests, and work for the background
// jobs whose expected counts are written here by hand:
// - SECOND_WINDOW_DUE calculated contracts of centre 0 whose second-calculation window is open
//   today: one hourly round posts one inbox reminder and mails one agent per contract, once;
// - the ONEM collaborator takes the deadline notices in the daily digest (MailDigestItem rows), so
//   each daily slot of `onem_deadlines` leaves one row per request it found, countable.

export const LARGE_CENTRE = 5_000;
export const QUEUE_ROWS = 20_000;
export const SECOND_WINDOW_DUE = 12;
const DAY = 86_400_000;

export type ClusterData = {
  large: Fixture;
  queue: QueueFixture;
  /** Centre 0 of the C60.7 centres, whose technical user also holds Agent social. */
  agent: { personId: string; entityId: string };
};

export async function buildClusterData(): Promise<ClusterData> {
  const large = await buildCentre({ size: LARGE_CENTRE, nissOffset: 0 });
  const queue = await buildActors();
  await addQueueRows(queue, 0, QUEUE_ROWS);
  await addSecondWindowWork(queue.centres[0]!);
  await db.mailPreference.createMany({
    data: ["c607_deadline_near", "c607_deadline_passed"].map((kind) => ({ personId: queue.onem.personId, kind, delivery: "DIGEST" as const })),
  });
  await db.$executeRawUnsafe(`ANALYZE`);
  return { large, queue, agent: { personId: queue.technical.personId, entityId: queue.technical.entityId } };
}

/** Contracts ending in 20 days (window: 30 to 15 days before the end) with a calculated first request. */
async function addSecondWindowWork(centre: QueueFixture["centres"][number]): Promise<void> {
  const end = new Date(Date.now() + 20 * DAY);
  const workers = Array.from({ length: SECOND_WINDOW_DUE }, (_, k) => {
    const niss = nissFor(900 + k);
    return {
      id: randomUUID(),
      entityId: centre.entityId,
      nissEncrypted: seal(niss),
      nissBlindIndex: blindIndex(niss),
      firstName: "Second",
      lastName: `Calcul${k}`,
    };
  });
  await db.worker.createMany({ data: workers });
  const contracts = workers.map((w) => ({
    id: randomUUID(),
    entityId: centre.entityId,
    workerId: w.id,
    kind: "ART_60_7" as const,
    startDate: new Date(end.getTime() - 365 * DAY),
    plannedEndDate: new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate())),
  }));
  await db.contract.createMany({ data: contracts });
  const sent = new Date(Date.now() - 200 * DAY);
  await db.c607Request.createMany({
    data: contracts.map((c, k) => ({
      reference: `C607-2024-${String(k + 1).padStart(6, "0")}`,
      entityId: centre.entityId,
      workerId: c.workerId,
      contractId: c.id,
      status: "CALCULATED" as const,
      createdById: centre.creatorId,
      createdAt: sent,
      sentAt: sent,
      deadline: new Date(sent.getTime() + 7 * DAY),
    })),
  });
}

/** A new session of `personId`, as a sign-in would write it. */
export const newSession = (personId: string) => db.$transaction((tx) => createSession(tx, { personId, ip: "127.0.0.1", userAgent: "bench-cluster" }));

/** `count` mails in the outbox (one transaction each, NOTIFY at commit), as the portal writes them. */
export async function enqueueBenchMails(o: { count: number; entityId: string; tag: string }): Promise<void> {
  for (let k = 0; k < o.count; k++) {
    await db.$transaction((tx) =>
      enqueueMail(tx, {
        kind: "fileexchange_received",
        to: `destinataire-${k}-${o.tag}@bench.cpas.be`,
        entityId: o.entityId,
        locale: "fr",
        data: { firstName: "Banc", title: `fichier-${k}.pdf`, path: "/fileexchange" },
      }),
    );
  }
}
