import { z } from "zod";

import { safeText } from "@/lib/validation/safe-text";

// Shared by the forgotten-password forms and their server actions (STYLE 8).
export const ZRequestReset = z.object({ email: safeText({ min: 1, max: 254, label: "Adresse e-mail" }) });

export const ZCompleteReset = z
  .object({ token: z.string().min(10).max(100), password: z.string().min(1, "Mot de passe obligatoire.").max(256), confirm: z.string().max(256) })
  .refine((v) => v.password === v.confirm, { message: "Les deux mots de passe diffèrent.", path: ["confirm"] });
