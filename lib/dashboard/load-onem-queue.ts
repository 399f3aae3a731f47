import "server-only";

import { toBrusselsDate } from "@/lib/c607/calendar-date";
import { db } from "@/lib/db/client";

/**
 * The ONEM collaborator's dashboard (issue 11): how many C60.7 requests wait in « File ONEM » —
 * sent and not yet taken, being processed, and past their answer date. Every centre's requests:
 * the ONEM queue is national (lib/c607/requests/list-requests.ts, side ONEM). Three counts, one query each.
 */
export async function loadOnemQueue() {
  const today = new Date(`${toBrusselsDate(new Date())}T00:00:00Z`);
  const [toTake, inProgress, overdue] = await Promise.all([
    db.c607Request.count({ where: { status: "SENT" } }),
    db.c607Request.count({ where: { status: "IN_PROGRESS" } }),
    db.c607Request.count({ where: { status: { in: ["SENT", "IN_PROGRESS"] }, deadline: { lt: today } } }),
  ]);
  return { toTake, inProgress, overdue };
}
