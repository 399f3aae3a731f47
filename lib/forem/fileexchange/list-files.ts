import "server-only";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";

import { assertFileExchangeAccess } from "../access";

import { organisationLabel } from "./organisation-label";

// Lists never select the ciphertext column: only a download reads it.
const SUMMARY = {
  id: true,
  fileName: true,
  size: true,
  sha256: true,
  note: true,
  createdAt: true,
  downloadedAt: true,
  purgedAt: true,
  fromEntityId: true,
  toEntityId: true,
  senderId: true,
} as const;

/** `locale`: the reader's, for the partners' kinds (ONEM / RVA); names are shown as stored. */
export async function listFileExchange(o: { actor: Actor; locale?: Locale }) {
  assertFileExchangeAccess(o.actor);
  const entityId = o.actor.entityId;
  const [sent, received, allowed] = await Promise.all([
    db.fileTransfer.findMany({ where: { fromEntityId: entityId }, orderBy: { createdAt: "desc" }, take: 200, select: SUMMARY }),
    db.fileTransfer.findMany({ where: { toEntityId: entityId }, orderBy: { createdAt: "desc" }, take: 200, select: SUMMARY }),
    db.fileExchangePartner.findMany({ where: { entityId }, select: { partnerEntityId: true } }),
  ]);
  // Names of the allowed partners and of every organisation in the lists (one query).
  const ids = new Set([...allowed.map((a) => a.partnerEntityId), ...sent.map((t) => t.toEntityId), ...received.map((t) => t.fromEntityId)]);
  const [organisations, senders] = await Promise.all([
    db.entity.findMany({ where: { id: { in: [...ids] } }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } }),
    db.person.findMany({
      where: { id: { in: [...new Set(sent.map((s) => s.senderId))] }, entityId },
      select: { id: true, firstName: true, lastName: true },
    }),
  ]);
  const isAllowed = new Set(allowed.map((a) => a.partnerEntityId));
  const partners = organisations.filter((p) => isAllowed.has(p.id)).map((p) => ({ ...p, name: organisationLabel(p, o.locale) }));
  const names = new Map(organisations.map((p) => [p.id, organisationLabel(p, o.locale)]));
  const senderNames = new Map(senders.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  return {
    partners,
    sent: sent.map((t) => ({ ...t, partnerName: names.get(t.toEntityId) ?? "—", senderName: senderNames.get(t.senderId) ?? "—" })),
    received: received.map((t) => ({ ...t, partnerName: names.get(t.fromEntityId) ?? "—", senderName: null })),
  };
}

export type FileExchangeLists = Awaited<ReturnType<typeof listFileExchange>>;
