"use server";

import { getServerSession } from "next-auth";

import { authOptions } from "@/lib/auth/auth-options";
import { revokeSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { requestMeta } from "@/lib/http/request-context";

/**
 * Ends the server-side session first, with the request's address in the audit event; next-auth's
 * sign-out (called by the button right after) then clears the cookie, and its own signOut event
 * finds the session already ended and writes nothing more.
 */
export async function endCurrentSession(reason: "déconnexion" | "inactivité" = "déconnexion"): Promise<void> {
  const why = reason === "inactivité" ? "inactivité" : "déconnexion"; // a server action's argument is untrusted input
  const session = (await getServerSession(authOptions())) as { sid?: string } | null;
  if (!session?.sid) return;
  const row = await db.session.findUnique({ where: { id: session.sid }, select: { personId: true, person: { select: { entityId: true } } } });
  if (!row) return;
  await revokeSession(session.sid, why, { actorId: row.personId, entityId: row.person.entityId, ...(await requestMeta()) });
}
