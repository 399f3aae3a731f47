"use server";

import { defineFormAction } from "@/lib/http/define-action";
import { msg } from "@/lib/i18n/message-ref";
import { saveMyMailPreferences, ZMailPreferences } from "@/lib/outbox/mail-preferences";

/** One's own notification choices (issue 12): signed in, on oneself only. */
export const saveMailPreferencesAction = defineFormAction({
  name: "préférences de courriel",
  permission: "signedIn",
  input: ZMailPreferences,
  run: ({ actor, meta, input }) => saveMyMailPreferences({ actor, meta, preferences: input }),
  success: msg("mail.preferences.saved"),
  revalidate: ["/courriels"],
});
