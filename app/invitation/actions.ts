"use server";

import { acceptInvitation } from "@/lib/access/manage/accept-invitation";
import { ZAcceptInvitation } from "@/lib/access/manage/schemas";
import { requestMeta } from "@/lib/http/request-context";
import { parseInput, runAction, type ActionState } from "@/lib/http/server-action";

export async function acceptInvitationAction(_: ActionState<unknown>, form: FormData) {
  const state = await runAction("accepter une invitation", async () => {
    const input = parseInput(ZAcceptInvitation, Object.fromEntries(form));
    return acceptInvitation({ token: input.token, password: input.password, meta: await requestMeta() });
  });
  return state.status === "success"
    ? { ...state, message: "Votre compte est activé. Connectez-vous : la double authentification sera configurée à la première connexion." }
    : state;
}
