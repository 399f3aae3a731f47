"use server";

import { z } from "zod";

import { defineFormAction } from "@/lib/http/define-action";
import { ZId } from "@/lib/http/parse-id";
import { msg } from "@/lib/i18n/message-ref";
import { acceptUsagePolicy } from "@/lib/security/usage-policy";

/** Every signed-in person accepts their own centre's policy (acceptUsagePolicy loads it by id and centre). */
export const acceptUsagePolicyAction = defineFormAction({
  name: "accepter la politique d'utilisation",
  permission: "signedIn",
  input: z.object({ policyId: ZId, accept: z.literal("on", { error: msg("policy.usage.tickToAccept") }) }),
  run: ({ actor, meta, input }) => acceptUsagePolicy({ actor, meta, policyId: input.policyId }),
  // Accepted: on to the portal at once (issue 11: the page stayed, the box unticked itself and a
  // separate link had to be followed).
  redirectTo: "/tableau-de-bord",
});
