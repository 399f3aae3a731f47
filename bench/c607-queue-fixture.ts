import { randomInt, randomUUID } from "node:crypto";

import type { Actor } from "@/lib/access/actor";
import { createApiToken } from "@/lib/api-tokens";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { blindIndex, seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import type { C607Status } from "@/lib/generated/prisma/enums";
import { ensureCatalogue, ensureEntity, ensureGrant, ensurePerson, ensureQuality, ensureRole } from "@/lib/seed/builders";

// Data of bench/c607-queue.ts, built with the seed's own builders: CPAS centres with workers and
// contracts, a technical user (who also holds Agent social) with a personal API token, an ONEM
// collaborator with a session, and the queue itself, written with createMany.

export const CENTRES = 20;
const WORKERS_PER_CENTRE = 50;
const CHUNK = 5_000;

function randomBce(): string {
  const base = String(randomInt(2_000_000, 9_999_999)).padStart(8, "0");
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, "0")}`;
}

/** A valid NISS of someone born in the 1900s, unique for k < 997 (the serial number is k + 1). */
export function nissFor(k: number): string {
  const base = `${String(50 + (k % 40)).padStart(2, "0")}${String(1 + (k % 12)).padStart(2, "0")}${String(1 + (k % 28)).padStart(2, "0")}${String(1 + k).padStart(3, "0")}`;
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, "0")}`;
}

async function actorOf(personId: string): Promise<{ actor: Actor; sessionId: string }> {
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId, ip: "127.0.0.1", userAgent: "bench" }));
  const actor = await loadActor(sessionId, { touch: false });
  if (!actor) throw new Error("Acteur du banc d'essai non chargé.");
  return { actor, sessionId };
}

export type QueueFixture = {
  centres: { entityId: string; contracts: { contractId: string; workerId: string }[]; creatorId: string }[];
  technical: { personId: string; token: string; entityId: string; sessionId: string; actor: Actor };
  onem: { personId: string; sessionId: string; actor: Actor };
};

export async function buildActors(): Promise<QueueFixture> {
  const tag = randomUUID().slice(0, 8);
  const centres: QueueFixture["centres"] = [];
  let technical: { personId: string; entityId: string } | undefined;
  for (let c = 0; c < CENTRES; c++) {
    const { entity, agent } = await db.$transaction(async (tx) => {
      await ensureCatalogue(tx);
      const entity = await ensureEntity(tx, { name: `CPAS banc C60.7 ${c} (${tag})`, bce: randomBce() });
      const quality = await ensureQuality(tx, { entityId: entity.id, type: "ACTION_SOCIALE", identifier: entity.bceNumber });
      const agent = await ensurePerson(tx, { entityId: entity.id, email: `technique-${c}-${tag}@bench.cpas.be`, firstName: "Technique", lastName: `Banc${c}` });
      await ensureRole(tx, { personId: agent.id, role: "TECHNICAL_USER", entityId: entity.id, qualityId: quality.id });
      await ensureGrant(tx, { personId: agent.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
      return { entity, agent };
    });
    const workers = Array.from({ length: WORKERS_PER_CENTRE }, (_, k) => {
      const niss = nissFor(k);
      return {
        id: randomUUID(),
        entityId: entity.id,
        nissEncrypted: seal(niss),
        nissBlindIndex: blindIndex(niss),
        firstName: `Prénom${k}`,
        lastName: `Nom${k}`,
      };
    });
    await db.worker.createMany({ data: workers });
    const contracts = workers.map((w, k) => ({
      id: randomUUID(),
      entityId: entity.id,
      workerId: w.id,
      kind: "ART_60_7" as const,
      startDate: new Date(Date.UTC(2024, k % 12, 1)),
      plannedEndDate: new Date(Date.UTC(2025, k % 12, 1)),
    }));
    await db.contract.createMany({ data: contracts });
    centres.push({ entityId: entity.id, creatorId: agent.id, contracts: contracts.map((x) => ({ contractId: x.id, workerId: x.workerId })) });
    technical ??= { personId: agent.id, entityId: entity.id };
  }
  const { actor: techActor, sessionId: techSession } = await actorOf(technical!.personId);
  const { token } = await createApiToken({ actor: techActor, meta: { ip: "127.0.0.1", userAgent: "bench" }, input: { name: "Banc d'essai C60.7" } });

  const onemEntity = await db.$transaction((tx) => ensureEntity(tx, { name: `ONEM banc (${tag})`, bce: randomBce(), kind: "ONEM" }));
  const collaborator = await db.$transaction(async (tx) => {
    const p = await ensurePerson(tx, { entityId: onemEntity.id, email: `onem-${tag}@bench.onem.be`, firstName: "Collaborateur", lastName: "ONEM" });
    await ensureRole(tx, { personId: p.id, role: "ONEM_COLLABORATOR", entityId: onemEntity.id });
    return p;
  });
  const onem = await actorOf(collaborator.id);
  return { centres, technical: { ...technical!, token, sessionId: techSession, actor: techActor }, onem: { personId: collaborator.id, ...onem } };
}

// Mix of a year of activity: most requests answered long ago, some waiting for ONEM (a few
// overdue), some drafts ONEM never sees.
function statusOf(n: number): { status: C607Status; daysAgo: number } {
  const r = n % 100;
  if (r < 70) return { status: "CALCULATED", daysAgo: 20 + (n % 330) };
  if (r < 78) return { status: "DRAFT", daysAgo: n % 30 };
  if (r < 88) return { status: "SENT", daysAgo: n % 12 };
  if (r < 95) return { status: "IN_PROGRESS", daysAgo: n % 12 };
  if (r < 98) return { status: "COMPLEMENT_REQUESTED", daysAgo: n % 20 };
  return { status: "REFUSED", daysAgo: 20 + (n % 200) };
}

/** Adds queue rows numbered [from, to) (references C607-2025-NNNNNN: no clash with this year's counter). */
export async function addQueueRows(f: QueueFixture, from: number, to: number): Promise<void> {
  const now = Date.now();
  for (let start = from; start < to; start += CHUNK) {
    const rows = [];
    for (let n = start; n < Math.min(to, start + CHUNK); n++) {
      const centre = f.centres[n % CENTRES]!;
      const contract = centre.contracts[Math.floor(n / CENTRES) % WORKERS_PER_CENTRE]!;
      const { status, daysAgo } = statusOf(n);
      const created = new Date(now - daysAgo * 86_400_000 - 3_600_000);
      const sent = status === "DRAFT" ? null : new Date(created.getTime() + 1_800_000);
      const deadline = sent ? new Date(Date.UTC(sent.getUTCFullYear(), sent.getUTCMonth(), sent.getUTCDate() + 7)) : null;
      rows.push({
        reference: `C607-2025-${String(n + 1).padStart(6, "0")}`,
        entityId: centre.entityId,
        workerId: contract.workerId,
        contractId: contract.contractId,
        status,
        createdById: centre.creatorId,
        createdAt: created,
        sentAt: sent,
        deadline,
      });
    }
    await db.c607Request.createMany({ data: rows });
  }
}

/** Rows of the queue ONEM should see (everything but drafts), for checking what was measured. */
export const visibleToOnem = (count: number) => Array.from({ length: count }, (_, n) => statusOf(n).status).filter((s) => s !== "DRAFT").length;
