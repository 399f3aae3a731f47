import { z } from "zod";

import { msg } from "@/lib/i18n/message-ref";
import { safeText } from "@/lib/validation/safe-text";

// The forms of /sessions (STYLE 8). A session is named by its handle, never by its id: the id
// is what the sign-in cookie carries, and a page never shows it.

export const ZEndSession = z.object({ session: z.string().regex(/^[0-9a-f]{24}$/, { error: msg("sessions.errors.unknown") }) });
export type TEndSession = z.infer<typeof ZEndSession>;

export const ZEndPersonSessions = z.object({
  personEmail: safeText({ min: 3, max: 254, label: msg("validation.fields.email") }).transform((v) => v.toLowerCase()),
});
export type TEndPersonSessions = z.infer<typeof ZEndPersonSessions>;
