"use server";

import { createApiToken, resumeApiToken, revokeApiToken } from "@/lib/api-tokens";
import { ZCreateApiToken, ZResumeApiToken, ZRevokeApiToken } from "@/lib/api-tokens/schemas";
import { defineFormAction } from "@/lib/http/define-action";

// Each person's own tokens ("signedIn", lib/http/authorize-entry.ts): the domain functions check
// the technical-user role (create) and ownership (revoke, resume) themselves.

export const createApiTokenAction = defineFormAction({
  name: "jetons : créer",
  permission: "signedIn",
  input: ZCreateApiToken,
  // The list shows the new row; the token itself stays only in the form's state (shown once).
  revalidate: ["/jetons"],
  run: async ({ actor, meta, input }) => {
    const { name, token } = await createApiToken({ actor, meta, input });
    return { name, token };
  },
});

// The revoked or resumed row changes its form: the page itself says it is done.
export const revokeApiTokenAction = defineFormAction({
  name: "jetons : révoquer",
  permission: "signedIn",
  input: ZRevokeApiToken,
  redirectTo: "/jetons?revoque=1",
  run: ({ actor, meta, input }) => revokeApiToken({ actor, meta, tokenId: input.tokenId }),
});

export const resumeApiTokenAction = defineFormAction({
  name: "jetons : réactiver",
  permission: "signedIn",
  input: ZResumeApiToken,
  redirectTo: "/jetons?reactive=1",
  run: ({ actor, meta, input }) => resumeApiToken({ actor, meta, tokenId: input.tokenId }),
});
