"use server";

import { z } from "zod";

import { changeOwnLanguage } from "@/lib/auth/account/change-language";
import { defineAction, formInput } from "@/lib/http/define-action";
import { setLocaleCookie } from "@/lib/i18n/locale-cookie";
import { LOCALES } from "@/lib/i18n/locales";

// The language switch (issue 13). Anonymous pages (sign-in, invitation, password reset): the choice
// is kept in this browser's language cookie only. Signed in: it is the account's setting, used for
// its mails and documents too, and the cookie follows it.

const ZLanguage = z.object({ language: z.enum(LOCALES) });
/** The one field, once: a form that names two languages is not a choice (refused, nothing set). */
const languageField = (f: FormData) => {
  const values = f.getAll("language");
  return { language: values.length === 1 ? values[0] : undefined };
};

export const chooseLanguageAction = defineAction({
  name: "langue : choix sur une page publique",
  permission: "public",
  input: formInput(ZLanguage, languageField),
  revalidate: ["/"],
  run: async ({ input }) => {
    await setLocaleCookie(input.language);
    return { language: input.language };
  },
});

export const changeLanguageAction = defineAction({
  name: "mon compte : langue",
  permission: "signedIn",
  input: formInput(ZLanguage, languageField),
  revalidate: ["/"],
  run: async ({ actor, meta, input }) => {
    const result = await changeOwnLanguage({ actor, meta, language: input.language });
    await setLocaleCookie(result.language);
    return result;
  },
});
