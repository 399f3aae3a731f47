import { z } from "zod";

import { safeText } from "@/lib/validation/safe-text";
import { msg } from "@/lib/i18n/message-ref";

// Shared by the forgotten-password forms and their server actions (STYLE 8).
export const ZRequestReset = z.object({ email: safeText({ min: 1, max: 254, label: msg("validation.fields.email") }) });

export const ZCompleteReset = z
  .object({
    token: z.string().min(10).max(100),
    password: z
      .string()
      .min(1, { error: msg("auth.errors.passwordRequired") })
      .max(256),
    confirm: z.string().max(256),
  })
  .refine((v) => v.password === v.confirm, { error: msg("auth.errors.passwordsDiffer"), path: ["confirm"] });
