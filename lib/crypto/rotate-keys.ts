import type { Db } from "@/lib/db/client";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";

import { blindIndexWithKey, openWithKey, sealWithKey } from "./secret-box";

export type KeySet = { data: Buffer; index: Buffer };

const BATCH = 500;

function reopen(sealed: string, keys: { to: KeySet; from: KeySet }): string {
  try {
    return openWithKey(sealed, keys.to.data); // already rotated (a resumed run)
  } catch {
    return openWithKey(sealed, keys.from.data);
  }
}

/**
 * Re-seals every value encrypted at rest (national numbers of people and workers, TOTP secrets,
 * pending enrolments, the portal's SSH keys of batch channels and RSA keys of REST clients) with the new data key, and recomputes the national numbers' blind index
 * with the new index key. Batches of 500 rows, each batch in its own transaction; a run that
 * stops halfway can simply be started again. Writes one audit event with the counts.
 */
export async function rotateKeys(db: Db, keys: { from: KeySet; to: KeySet }) {
  const counts = { people: 0, totpSecrets: 0, workers: 0, challenges: 0, channelKeys: 0, restClientKeys: 0, outboxBodies: 0 };
  const reseal = (v: string) => sealWithKey(reopen(v, keys), keys.to.data);

  for (let cursor: string | undefined; ;) {
    const rows = await db.person.findMany({
      where: { OR: [{ nissEncrypted: { not: null } }, { totpSecretEnc: { not: null } }], ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, nissEncrypted: true, totpSecretEnc: true },
    });
    if (!rows.length) break;
    await db.$transaction(async (tx) => {
      for (const r of rows) {
        const niss = r.nissEncrypted ? reopen(r.nissEncrypted, keys) : null;
        await tx.person.update({
          where: { id: r.id },
          data: {
            ...(niss ? { nissEncrypted: sealWithKey(niss, keys.to.data), nissBlindIndex: blindIndexWithKey(niss, keys.to.index) } : {}),
            ...(r.totpSecretEnc ? { totpSecretEnc: reseal(r.totpSecretEnc) } : {}),
          },
        });
        if (niss) counts.people += 1;
        if (r.totpSecretEnc) counts.totpSecrets += 1;
      }
    });
    cursor = rows.at(-1)!.id;
  }

  for (let cursor: string | undefined; ;) {
    const rows = await db.worker.findMany({
      where: cursor ? { id: { gt: cursor } } : {},
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, nissEncrypted: true },
    });
    if (!rows.length) break;
    await db.$transaction(async (tx) => {
      for (const r of rows) {
        const niss = reopen(r.nissEncrypted, keys);
        await tx.worker.update({
          where: { id: r.id },
          data: { nissEncrypted: sealWithKey(niss, keys.to.data), nissBlindIndex: blindIndexWithKey(niss, keys.to.index) },
        });
        counts.workers += 1;
      }
    });
    cursor = rows.at(-1)!.id;
  }

  const pending = await db.loginChallenge.findMany({
    where: { pendingTotpSecretEnc: { not: null }, usedAt: null },
    select: { id: true, pendingTotpSecretEnc: true },
  });
  // The portal's SSH keys for batch channels (a handful per centre).
  const channels = await db.technicalChannel.findMany({ where: { portalKeySealed: { not: null } }, select: { id: true, portalKeySealed: true } });
  // The portal's RSA keys of REST clients (issue 14: Chaman « Canaux Webservices »).
  const restClients = await db.restClient.findMany({ select: { id: true, keySealed: true } });
  // Mails waiting in the outbox (issue 12): their bodies are sealed until sent.
  const mails = await db.outboxMail.findMany({ where: { bodySealed: { not: null } }, select: { id: true, bodySealed: true } });
  await db.$transaction(async (tx) => {
    for (const c of pending) await tx.loginChallenge.update({ where: { id: c.id }, data: { pendingTotpSecretEnc: reseal(c.pendingTotpSecretEnc!) } });
    counts.challenges = pending.length;
    for (const c of channels) await tx.technicalChannel.update({ where: { id: c.id }, data: { portalKeySealed: reseal(c.portalKeySealed!) } });
    counts.channelKeys = channels.length;
    for (const c of restClients) await tx.restClient.update({ where: { id: c.id }, data: { keySealed: reseal(c.keySealed) } });
    counts.restClientKeys = restClients.length;
    for (const m of mails) await tx.outboxMail.update({ where: { id: m.id }, data: { bodySealed: reseal(m.bodySealed!) } });
    counts.outboxBodies = mails.length;
    await writeAuditEvent(tx, { actorId: null, entityId: null }, { action: "system.keys_rotated", after: counts });
  });
  return counts;
}
