"use server";

import { redirect } from "next/navigation";

import { requireActor } from "@/lib/auth/get-actor";
import { requestMeta } from "@/lib/http/request-context";
import { parseInput, runAction, type ActionState } from "@/lib/http/server-action";
import { endMySession } from "@/lib/sessions/end-my-session";
import { endPersonSessions } from "@/lib/sessions/end-person-sessions";
import { ZEndPersonSessions, ZEndSession } from "@/lib/sessions/schemas";

// Server actions are public endpoints: each loads the actor from the server-side session and the
// domain function checks ownership (own sessions) or the DPD role (a person's sessions) itself.

export async function endMySessionAction(_: ActionState<unknown>, form: FormData): Promise<ActionState<unknown>> {
  const state = await runAction("sessions : fermer une session", async () => {
    const { session } = parseInput(ZEndSession, Object.fromEntries(form));
    await endMySession({ actor: await requireActor(), meta: await requestMeta(), handle: session });
  });
  // The ended row leaves the list (and its form with it): the page itself says it is done.
  if (state.status === "success") redirect("/sessions?fermee=1");
  return state;
}

export async function endPersonSessionsAction(_: ActionState<unknown>, form: FormData): Promise<ActionState<unknown>> {
  const state = await runAction("sessions : fermer les sessions d'une personne", async () => {
    const { personEmail } = parseInput(ZEndPersonSessions, Object.fromEntries(form));
    return endPersonSessions({ actor: await requireActor(), meta: await requestMeta(), personEmail });
  });
  if (state.status !== "success") return state;
  const { personName, count } = state.data;
  return { ...state, message: count ? `${count} session(s) de ${personName} fermée(s).` : `${personName} n'avait aucune session active.` };
}
