import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { blindIndex, seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { enqueueMail } from "@/lib/outbox/enqueue-mail";
import { enforceRateLimits, RATE_LIMITS } from "@/lib/security/rate-limit";

import { qualityKey } from "../catalogue";

import { auditContext, authorize, findQuality, findSubdivision, type Command } from "./command";

export const INVITATION_TTL_DAYS = 7;
export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

const sameCentreDuplicate = () => new AppError("CONFLICT", msg("access.errors.sameCentreEmail"), { email: [msg("access.errors.sameCentreEmailField")] });

export type InviteInput = {
  qualityId: string;
  subdivisionId?: string | null;
  firstName: string;
  lastName: string;
  email: string;
  niss?: string | null;
  /** The invitee's language (Person.language): the invitation mail and their pages. Default: the inviting manager's. */
  language?: Locale | null;
};

/**
 * A manager invites a person into a quality (or a subdivision of it). The single-use link is
 * mailed to the person through the outbox, in this transaction (docs/mail.md); the manager is told
 * it was sent, never shown it. The person then sets a password and enrols TOTP at first sign-in.
 * The invitee's language is the one the manager chose, else the manager's own (issue 13).
 */
export async function inviteUser(c: Command<InviteInput>): Promise<{ personId: string; token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
  const email = c.email.toLowerCase();
  const language: Locale = c.language ?? c.actor.language;
  await enforceRateLimits([{ key: `invite:${c.actor.personId}`, rule: RATE_LIMITS.invitationsPerManager }]);
  return db.$transaction(async (tx) => {
    const quality = await findQuality(tx, c.actor, c.qualityId);
    const subdivision = c.subdivisionId ? await findSubdivision(tx, c.actor, c.subdivisionId) : null;
    if (subdivision && subdivision.qualityId !== quality.id) throw notFound();
    authorize(c.actor, "quality.manage_users", { entityId: quality.entityId, qualityId: quality.id, subdivisionId: subdivision?.id ?? null });
    if (!quality.isActive) throw new AppError("CONFLICT", msg("access.errors.qualityNotActive"));
    // Only the centre's own people are looked at (issue 9, finding 10): an address used in another
    // centre is invited exactly like a new one, and acceptance refuses it to the invitee instead.
    if (await tx.person.findUnique({ where: { entityId_email: { entityId: quality.entityId, email } }, select: { id: true } })) throw sameCentreDuplicate();
    if (c.niss) {
      const dup = await tx.person.findFirst({ where: { entityId: quality.entityId, nissBlindIndex: blindIndex(c.niss) }, select: { id: true } });
      if (dup) throw new AppError("CONFLICT", msg("access.errors.sameCentreNiss"), { niss: [msg("access.errors.sameCentreNissField")] });
    }
    const person = await tx.person
      .create({
        data: {
          entityId: quality.entityId,
          email,
          firstName: c.firstName,
          lastName: c.lastName,
          status: "INVITED",
          language,
          subdivisionId: subdivision?.id,
          ...(c.niss ? { nissEncrypted: seal(c.niss), nissBlindIndex: blindIndex(c.niss) } : {}),
        },
      })
      .catch((e: unknown) => {
        // A twin invitation of the same centre committed meanwhile (unique entityId + email).
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw sameCentreDuplicate();
        throw e;
      });
    await tx.invitation.create({
      data: {
        tokenHash: hashInvitationToken(token),
        personId: person.id,
        entityId: quality.entityId,
        qualityId: quality.id,
        subdivisionId: subdivision?.id,
        invitedById: c.actor.personId,
        expiresAt,
      },
    });
    // The link goes by mail only (issue 12): the manager learns that it was sent, never the link.
    const mail = {
      firstName: c.firstName,
      inviterName: `${c.actor.firstName} ${c.actor.lastName}`,
      qualityLabel: translatorFor(language)(qualityKey(quality.type)),
      token,
      expiresAt,
    };
    await enqueueMail(tx, { kind: "invitation", to: email, entityId: quality.entityId, personId: person.id, data: mail });
    await writeAuditEvent(tx, auditContext(c.actor, c.meta), {
      action: "access.user_invited",
      targetType: "person",
      targetId: person.id,
      after: { name: `${c.firstName} ${c.lastName}`, email, language, quality: quality.type, subdivision: subdivision?.name ?? null, expiresAt },
    });
    return { personId: person.id, token, expiresAt };
  });
}
