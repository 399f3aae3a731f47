"use server";

import { z } from "zod";

import { defineFormAction } from "@/lib/http/define-action";
import { ZId } from "@/lib/http/parse-id";
import { acceptUsagePolicy } from "@/lib/security/usage-policy";

/** Every signed-in person accepts their own centre's policy (acceptUsagePolicy loads it by id and centre). */
export const acceptUsagePolicyAction = defineFormAction({
  name: "accepter la politique d'utilisation",
  permission: "signedIn",
  input: z.object({ policyId: ZId, accept: z.literal("on", "Cochez la case pour accepter.") }),
  run: ({ actor, meta, input }) => acceptUsagePolicy({ actor, meta, policyId: input.policyId }),
  success: "Merci, votre acceptation est enregistrée. Vous pouvez continuer vers le tableau de bord.",
});
