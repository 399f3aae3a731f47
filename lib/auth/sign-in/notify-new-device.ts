import "server-only";

import type { Tx } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { enqueueMail } from "@/lib/outbox/enqueue-mail";
import { describeUserAgent } from "@/lib/sessions/describe-user-agent";

// Security notice (issue 12): a sign-in from a browser or an address the person's sessions of the
// last KNOWN_DAYS never used. The very first sign-in of an account is not one (nothing is known yet).

const KNOWN_DAYS = 180;

export async function notifyIfNewDevice(
  tx: Tx,
  o: { person: { id: string; email: string; firstName: string; entityId: string }; meta: RequestMeta; at: Date },
): Promise<boolean> {
  const since = new Date(o.at.getTime() - KNOWN_DAYS * 86_400_000);
  const [any, same] = await Promise.all([
    tx.session.count({ where: { personId: o.person.id, createdAt: { gte: since } } }),
    tx.session.count({ where: { personId: o.person.id, createdAt: { gte: since }, ip: o.meta.ip, userAgent: o.meta.userAgent } }),
  ]);
  if (any === 0 || same > 0) return false;
  await enqueueMail(tx, {
    kind: "new_sign_in",
    to: o.person.email,
    entityId: o.person.entityId,
    personId: o.person.id,
    data: { firstName: o.person.firstName, at: o.at, ip: o.meta.ip, browser: o.meta.userAgent ? describeUserAgent(o.meta.userAgent) : null },
  });
  return true;
}
