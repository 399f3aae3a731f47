import "server-only";

import type { Tx } from "@/lib/db/client";
import { clipText } from "@/lib/i18n/clip-text";

/** Audience of C60.7 messages: the centre's holders of "Agent social" (and its GL/co-GL). */
export const C607_AUDIENCE = "AGENT_SOCIAL";

/**
 * Posts a message in a centre's inbox, in the caller's transaction (it exists only if the change
 * it announces does). `personId` null = the whole audience: an institution inbox in the spirit of
 * the e-Box, read state shared by the team. Never put a NISS in a title or body. Title and body may
 * be message references (msg()): each reader sees them in their language (issue 13).
 */
export async function notifyEntity(
  tx: Tx,
  o: {
    entityId: string;
    personId?: string | null;
    audience?: string;
    kind: string;
    title: string;
    body: string;
    link?: string;
  },
): Promise<void> {
  await tx.notification.create({
    data: {
      entityId: o.entityId,
      personId: o.personId ?? null,
      audience: o.audience ?? null,
      kind: o.kind,
      title: clipText(o.title, 200),
      body: clipText(o.body, 2000),
      link: o.link ?? null,
    },
  });
}
