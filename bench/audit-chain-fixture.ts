import { randomInt, randomUUID } from "node:crypto";

import { hashPassword } from "@/lib/auth/hash-password";
import { createSession } from "@/lib/auth/sessions";
import { seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { ensureCatalogue, ensureEntity, ensureGrant, ensurePerson, ensureQuality } from "@/lib/seed/builders";

// Two centres for bench/audit-chain.ts, built with the seed's builders: one where an Agent Social
// imports 1,000 contracts, one whose staff sign in. Every sign-in needs its own person: a TOTP code
// is accepted once per person and 30 s step (replay guard), and the run makes a few hundred.

export const BENCH_PASSWORD = "Banc-Audit-2026!x";

export type AuditBenchFixture = {
  importer: { entityId: string; sessionId: string };
  signIn: { entityId: string; emails: string[]; totpSecret: string };
};

function randomBce(): string {
  const base = String(randomInt(2_000_000, 9_999_999)).padStart(8, "0");
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, "0")}`;
}

async function centre(name: string) {
  return db.$transaction(async (tx) => {
    await ensureCatalogue(tx);
    const entity = await ensureEntity(tx, { name, bce: randomBce() });
    const quality = await ensureQuality(tx, { entityId: entity.id, type: "ACTION_SOCIALE", identifier: entity.bceNumber });
    return { entity, quality };
  });
}

export async function buildAuditBenchFixture(o: { signInPeople: number; totpSecret: string }): Promise<AuditBenchFixture> {
  const tag = randomUUID().slice(0, 8);
  const a = await centre(`CPAS banc import (${tag})`);
  const agent = await db.$transaction(async (tx) => {
    const p = await ensurePerson(tx, { entityId: a.entity.id, email: `agent-${tag}@import.bench.cpas.be`, firstName: "Agent", lastName: "Import" });
    await ensureGrant(tx, { personId: p.id, rightCode: "AGENT_SOCIAL", entityId: a.entity.id, qualityId: a.quality.id });
    return p;
  });
  const sessionId = await db.$transaction((tx) => createSession(tx, { personId: agent.id, ip: "127.0.0.1", userAgent: "bench" }));

  const b = await centre(`CPAS banc connexions (${tag})`);
  // One argon2id hash for everyone (same password): building 300 hashes would cost a minute.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const totpSecretEnc = seal(o.totpSecret);
  const emails = Array.from({ length: o.signInPeople }, (_, i) => `u${i}-${tag}@connexion.bench.cpas.be`);
  await db.person.createMany({
    data: emails.map((email, i) => ({
      entityId: b.entity.id,
      email,
      firstName: `Prénom${i}`,
      lastName: `Nom${i}`,
      passwordHash,
      passwordChangedAt: new Date(),
      totpSecretEnc,
      totpEnabledAt: new Date(),
    })),
  });
  return { importer: { entityId: a.entity.id, sessionId }, signIn: { entityId: b.entity.id, emails, totpSecret: o.totpSecret } };
}

/** A valid NISS per k (births from 1 January 1960, one day apart, serial 501): 1,000 distinct people. */
export function importNiss(k: number): string {
  const d = new Date(Date.UTC(1960, 0, 1 + k));
  const yy = String(d.getUTCFullYear() % 100).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const base = `${yy}${mm}${dd}501`;
  return `${base}${String(97 - (Number(base) % 97)).padStart(2, "0")}`;
}

/** The CSV the agent imports: the columns of docs/forem.md, 1,000 valid lines, every NISS new. */
export function importCsv(rows: number): Uint8Array {
  const header = "Numéro national;Nom;Prénom;Type;Début;Fin prévue;Fin effective;Employeur;Régime;Heures/semaine";
  const lines = Array.from({ length: rows }, (_, k) => `${importNiss(k)};Nom${k};Prénom${k};60§7;06/01/2025;05/01/2026;;;;`);
  return new TextEncoder().encode([header, ...lines].join("\n"));
}
