import { z } from "zod";

import { msg } from "@/lib/i18n/message-ref";
import { safeText } from "@/lib/validation/safe-text";

// The forms of /jetons (STYLE 8), shared by the page's server actions and the domain functions.

export const ZCreateApiToken = z.object({
  name: safeText({ min: 1, max: 80, label: msg("validation.fields.tokenName") }),
});
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;

export const ZRevokeApiToken = z.object({
  tokenId: z.uuid({ error: msg("apiTokens.errors.unknown") }),
});
export type TRevokeApiToken = z.infer<typeof ZRevokeApiToken>;

export const ZResumeApiToken = ZRevokeApiToken;
export type TResumeApiToken = TRevokeApiToken;
