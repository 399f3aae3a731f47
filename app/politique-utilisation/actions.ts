"use server";

import { z } from "zod";

import { requireActor } from "@/lib/auth/get-actor";
import { requestMeta } from "@/lib/http/request-context";
import { parseInput, runAction, type ActionState } from "@/lib/http/server-action";
import { acceptUsagePolicy } from "@/lib/security/usage-policy";

export async function acceptUsagePolicyAction(_: ActionState<unknown>, f: FormData): Promise<ActionState<unknown>> {
  const state = await runAction("accepter la politique d'utilisation", async () => {
    const { policyId } = parseInput(z.object({ policyId: z.uuid(), accept: z.literal("on", "Cochez la case pour accepter.") }), Object.fromEntries(f));
    const actor = await requireActor();
    await acceptUsagePolicy({ actor, meta: await requestMeta(), policyId });
  });
  return state.status === "success" ? { ...state, message: "Merci, votre acceptation est enregistrée. Vous pouvez continuer vers le tableau de bord." } : state;
}
