import { randomInt, randomUUID } from "node:crypto";

import { createSession } from "@/lib/auth/sessions";
import { blindIndex, seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { ensureCatalogue, ensureEntity, ensureGrant, ensurePerson, ensureQuality, ensureRole } from "@/lib/seed/builders";

// A centre built with the seed's own builders, like lib/dashboard/get-dashboard.integration.test.ts:
// one manager who is RAE, GL of Action Sociale and DPD, and `size` users holding rights, written with
// createMany. Fresh names (random BCE, random e-mail suffix) so a run never depends on a reset.

export type Fixture = {
  entityId: string;
  qualityId: string;
  managerId: string;
  sessionId: string;
  size: number;
  /** A NISS held by one of the users, to search for. */
  niss: string;
};

const NISS_EVERY = 50; // one user in 50 has a NISS (sealed, with its blind index)

function randomBce(): string {
  const base = String(randomInt(2_000_000, 9_999_999)).padStart(8, "0");
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, "0")}`;
}

/** A valid NISS (born in the 1900s) unique for k < 997: YYMMDD NNN CC. */
export function nissFor(k: number): string {
  const yy = String(50 + (k % 40)).padStart(2, "0");
  const mm = String(1 + (k % 12)).padStart(2, "0");
  const dd = String(1 + (k % 28)).padStart(2, "0");
  const nnn = String(1 + (k % 997)).padStart(3, "0");
  const base = `${yy}${mm}${dd}${nnn}`;
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, "0")}`;
}

/**
 * `firstIndex` numbers the users' last names (Nom<firstIndex>…): the small centre starts at 12 so
 * that the search "Nom12" has a hit there too, and compares like with like.
 */
export async function buildCentre(o: { size: number; firstIndex?: number; nissOffset: number }): Promise<Fixture> {
  const tag = randomUUID().slice(0, 8);
  const { entity, quality, manager } = await db.$transaction(async (tx) => {
    await ensureCatalogue(tx);
    const entity = await ensureEntity(tx, { name: `CPAS banc d'essai ${o.size} (${tag})`, bce: randomBce() });
    const quality = await ensureQuality(tx, { entityId: entity.id, type: "ACTION_SOCIALE", identifier: entity.bceNumber });
    const manager = await ensurePerson(tx, { entityId: entity.id, email: `gestionnaire-${tag}@bench.cpas.be`, firstName: "Gestionnaire", lastName: "Banc" });
    await ensureRole(tx, { personId: manager.id, role: "RAE", entityId: entity.id });
    await ensureRole(tx, { personId: manager.id, role: "GL", entityId: entity.id, qualityId: quality.id });
    await ensureGrant(tx, { personId: manager.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
    await tx.entity.update({ where: { id: entity.id }, data: { dpdPersonId: manager.id } });
    return { entity, quality, manager };
  });
  const subdivision = await db.subdivision.create({ data: { qualityId: quality.id, name: "Service social" } });

  const first = o.firstIndex ?? 0;
  const people = Array.from({ length: o.size }, (_, i) => {
    const n = first + i;
    const niss = i % NISS_EVERY === 0 ? nissFor(o.nissOffset + i / NISS_EVERY) : null;
    return {
      id: randomUUID(),
      entityId: entity.id,
      subdivisionId: n % 2 ? subdivision.id : null,
      email: `u${n}-${tag}@bench.cpas.be`,
      firstName: `Prénom${n}`,
      lastName: `Nom${n}`,
      ...(niss ? { nissEncrypted: seal(niss), nissBlindIndex: blindIndex(niss) } : {}),
    };
  });
  await db.person.createMany({ data: people });
  await db.rightGrant.createMany({
    data: people.map((p, i) => ({
      personId: p.id,
      entityId: entity.id,
      qualityId: quality.id,
      grantedById: manager.id,
      rightCode: i % 3 ? "AGENT_SOCIAL" : "EBOX_INSTITUTION",
      validUntil: i % 7 ? null : new Date(Date.now() + 5 * 86_400_000),
    })),
  });
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId: manager.id, ip: "127.0.0.1", userAgent: "bench" }));
  return { entityId: entity.id, qualityId: quality.id, managerId: manager.id, sessionId, size: o.size, niss: nissFor(o.nissOffset) };
}
