import type { Tx } from "@/lib/db/client";
import { ACCESS_RIGHTS, APPLICATIONS, type RightCode } from "@/lib/access/catalogue";
import { hashPassword } from "@/lib/auth/hash-password";
import { checkPasswordPolicy } from "@/lib/auth/password-policy";
import { blindIndex, seal } from "@/lib/crypto/keys";
import type { EntityKind, QualityType, RoleKind } from "@/lib/generated/prisma/enums";
import { checkBce } from "@/lib/validation/bce";
import { checkNiss } from "@/lib/validation/niss";

// Idempotent builders shared by the demo seed (scripts/seed.ts) and the tests' fixtures, so tests
// build their data the way the application's own seed does (STYLE 14).

export async function ensureCatalogue(tx: Tx) {
  for (const a of APPLICATIONS) {
    await tx.application.upsert({ where: { code: a.code }, update: { name: a.name, description: a.description }, create: { ...a } });
  }
  for (const r of ACCESS_RIGHTS) {
    const data = { name: r.name, description: r.description, applicationCode: r.app };
    await tx.accessRight.upsert({ where: { code: r.code }, update: data, create: { code: r.code, ...data } });
  }
}

export async function ensureEntity(tx: Tx, o: { name: string; bce: string; kind?: EntityKind; sessionIdleSeconds?: number }) {
  const bce = checkBce(o.bce);
  if (!bce.ok) throw new Error(`${o.name} : ${bce.message}`);
  return tx.entity.upsert({
    where: { bceNumber: bce.digits },
    update: { name: o.name, ...(o.sessionIdleSeconds ? { sessionIdleSeconds: o.sessionIdleSeconds } : {}) },
    create: { name: o.name, bceNumber: bce.digits, kind: o.kind ?? "CPAS", sessionIdleSeconds: o.sessionIdleSeconds ?? 900 },
  });
}

export async function ensureQuality(tx: Tx, o: { entityId: string; type: QualityType; identifier: string; isActive?: boolean; email?: string }) {
  const isActive = o.isActive ?? true;
  return tx.quality.upsert({
    where: { entityId_type: { entityId: o.entityId, type: o.type } },
    update: {},
    create: { entityId: o.entityId, type: o.type, identifier: o.identifier, isActive, activatedAt: isActive ? new Date() : null, email: o.email },
  });
}

export type PersonSeed = {
  entityId: string;
  email: string;
  firstName: string;
  lastName: string;
  password?: string;
  niss?: string;
  /** Tests only: a person already enrolled in TOTP with this secret. */
  totpSecret?: string;
  subdivisionId?: string;
};

export async function ensurePerson(tx: Tx, o: PersonSeed) {
  const email = o.email.toLowerCase();
  // The account holding the address (pending invitations may share it: Person_email_account_key).
  const existing = await tx.person.findFirst({ where: { email, status: { not: "INVITED" } } });
  if (existing) return existing;
  if (o.password) {
    const errors = checkPasswordPolicy(o.password, { email });
    if (errors.length) throw new Error(`Mot de passe de démonstration refusé : ${errors.join(" ")}`);
  }
  let niss: { nissEncrypted: string; nissBlindIndex: string } | undefined;
  if (o.niss) {
    const c = checkNiss(o.niss);
    if (!c.ok) throw new Error(c.message);
    niss = { nissEncrypted: seal(c.digits), nissBlindIndex: blindIndex(c.digits) };
  }
  return tx.person.create({
    data: {
      entityId: o.entityId,
      email,
      firstName: o.firstName,
      lastName: o.lastName,
      subdivisionId: o.subdivisionId,
      passwordHash: o.password ? await hashPassword(o.password) : null,
      passwordChangedAt: o.password ? new Date() : null,
      ...niss,
      ...(o.totpSecret ? { totpSecretEnc: seal(o.totpSecret), totpEnabledAt: new Date() } : {}),
    },
  });
}

export async function ensureRole(tx: Tx, o: { personId: string; role: RoleKind; entityId: string; qualityId?: string; subdivisionId?: string }) {
  const where = {
    personId: o.personId,
    role: o.role,
    entityId: o.entityId,
    qualityId: o.qualityId ?? null,
    subdivisionId: o.subdivisionId ?? null,
    revokedAt: null,
  };
  return (await tx.roleAssignment.findFirst({ where })) ?? tx.roleAssignment.create({ data: { ...where } });
}

export async function ensureGrant(
  tx: Tx,
  o: { personId: string; rightCode: RightCode; entityId: string; qualityId: string; grantedById?: string; validUntil?: Date },
) {
  const where = { personId: o.personId, rightCode: o.rightCode, qualityId: o.qualityId, revokedAt: null };
  return (
    (await tx.rightGrant.findFirst({ where })) ??
    tx.rightGrant.create({ data: { ...where, entityId: o.entityId, grantedById: o.grantedById, validUntil: o.validUntil } })
  );
}
