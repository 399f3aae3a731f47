import "server-only";

import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db/client";

import { assertFileExchangeAccess } from "../access";

// Lists never select the ciphertext column: only a download reads it.
const SUMMARY = {
  id: true,
  fileName: true,
  size: true,
  sha256: true,
  note: true,
  createdAt: true,
  downloadedAt: true,
  fromEntityId: true,
  toEntityId: true,
  senderId: true,
} as const;

export async function listFileExchange(o: { actor: Actor }) {
  assertFileExchangeAccess(o.actor);
  const entityId = o.actor.entityId;
  const [sent, received, partners] = await Promise.all([
    db.fileTransfer.findMany({ where: { fromEntityId: entityId }, orderBy: { createdAt: "desc" }, take: 200, select: SUMMARY }),
    db.fileTransfer.findMany({ where: { toEntityId: entityId }, orderBy: { createdAt: "desc" }, take: 200, select: SUMMARY }),
    db.entity.findMany({ where: { id: { not: entityId } }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } }),
  ]);
  const names = new Map(partners.map((p) => [p.id, p.name]));
  const senders = await db.person.findMany({
    where: { id: { in: [...new Set(sent.map((s) => s.senderId))] }, entityId },
    select: { id: true, firstName: true, lastName: true },
  });
  const senderNames = new Map(senders.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  return {
    partners,
    sent: sent.map((t) => ({ ...t, partnerName: names.get(t.toEntityId) ?? "—", senderName: senderNames.get(t.senderId) ?? "—" })),
    received: received.map((t) => ({ ...t, partnerName: names.get(t.fromEntityId) ?? "—", senderName: null })),
  };
}

export type FileExchangeLists = Awaited<ReturnType<typeof listFileExchange>>;
