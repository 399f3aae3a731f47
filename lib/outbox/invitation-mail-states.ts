import "server-only";

import { db } from "@/lib/db/client";

export type InvitationMailState = { status: "PENDING" | "SENDING" | "SENT" | "FAILED"; at: Date };

/**
 * What a manager sees of an invitation's mail (issue 12): sent, waiting or failed — never the link.
 * One query for a page of people, whatever their number (the quality page's query count stays flat).
 */
export async function invitationMailStates(personIds: string[]): Promise<Record<string, InvitationMailState>> {
  const rows = await db.outboxMail.findMany({
    where: { personId: { in: personIds }, kind: "invitation" },
    orderBy: { createdAt: "asc" },
    select: { personId: true, status: true, createdAt: true, sentAt: true, failedAt: true },
  });
  const states: Record<string, InvitationMailState> = {};
  for (const r of rows) if (r.personId) states[r.personId] = { status: r.status, at: r.sentAt ?? r.failedAt ?? r.createdAt };
  return states;
}
