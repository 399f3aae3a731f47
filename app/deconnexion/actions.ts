"use server";

import { cookies } from "next/headers";
import { z } from "zod";

import { sessionIdFromCookies } from "@/lib/auth/session-cookie";
import { revokeSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { defineAction } from "@/lib/http/define-action";

/**
 * Ends the server-side session first, with the request's address in the audit event; next-auth's
 * sign-out (called by the button right after) then clears the cookie, and its own signOut event
 * finds the session already ended and writes nothing more. Public by design: it acts only on the
 * session named by the caller's own signed cookie, even one already past its idle time (the idle
 * watcher calls it then), and does nothing without one.
 */
export const endCurrentSession = defineAction({
  name: "déconnexion",
  permission: "public",
  input: z.enum(["déconnexion", "inactivité"]).catch("déconnexion"),
  run: async ({ meta, input: why }) => {
    const sid = await sessionIdFromCookies(await cookies());
    if (!sid) return;
    const row = await db.session.findUnique({ where: { id: sid }, select: { personId: true, person: { select: { entityId: true } } } });
    if (!row) return;
    await revokeSession(sid, why, { actorId: row.personId, entityId: row.person.entityId, ...meta });
  },
});
