import { z } from "zod";

import { safeText } from "@/lib/validation/safe-text";
import { msg } from "@/lib/i18n/message-ref";

// Shared by the sign-in form and its server actions (STYLE 8).
export const ZPasswordStep = z.object({
  email: safeText({ min: 1, max: 254, label: msg("validation.fields.email") }),
  password: z
    .string()
    .min(1, { error: msg("auth.errors.passwordRequired") })
    .max(256, { error: msg("auth.errors.passwordTooLong") }),
});
export type TPasswordStep = z.infer<typeof ZPasswordStep>;

export const ZSecondFactorStep = z.object({
  token: z.string().min(10).max(100),
  code: safeText({ min: 6, max: 20, label: msg("validation.fields.verificationCode") }),
});
export type TSecondFactorStep = z.infer<typeof ZSecondFactorStep>;
