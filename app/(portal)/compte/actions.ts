"use server";

import { z } from "zod";

import { changeOwnPassword } from "@/lib/auth/account/change-password";
import { confirmTotpReenrolment, regenerateRecoveryCodes, startTotpReenrolment } from "@/lib/auth/account/second-factor";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { defineFormAction } from "@/lib/http/define-action";
import { msg } from "@/lib/i18n/message-ref";

// « Mon compte » (issue 11): a person's own password and second factor. "signedIn" by design: each
// domain function acts on the actor's own row only (found by the session's person id, never by an
// input) and asks a fresh code of the authenticator app before changing anything.

const code = z
  .string()
  .trim()
  .max(12, { error: msg("account.errors.invalidCode") });
const password = z.string().max(PASSWORD_MAX_LENGTH + 1);

export const changePasswordAction = defineFormAction({
  name: "mon compte : changer le mot de passe",
  permission: "signedIn",
  input: z.object({ currentPassword: password, newPassword: password, confirmation: password, code }),
  run: ({ actor, meta, input }) => changeOwnPassword({ actor, meta, ...input }),
  success: ({ otherSessionsEnded }) => msg("account.password.changed", { count: otherSessionsEnded }),
});

export const startTotpReenrolmentAction = defineFormAction({
  name: "mon compte : nouvelle application d'authentification (début)",
  permission: "signedIn",
  input: z.object({}),
  run: ({ actor }) => startTotpReenrolment({ actor }),
});

export const confirmTotpReenrolmentAction = defineFormAction({
  name: "mon compte : nouvelle application d'authentification",
  permission: "signedIn",
  input: z.object({ pending: z.string().max(2000), currentCode: code, newCode: code }),
  run: ({ actor, meta, input }) => confirmTotpReenrolment({ actor, meta, ...input }),
  success: msg("account.secondFactor.reconfigured"),
  revalidate: ["/compte"],
});

export const regenerateRecoveryCodesAction = defineFormAction({
  name: "mon compte : nouveaux codes de récupération",
  permission: "signedIn",
  input: z.object({ code }),
  run: ({ actor, meta, input }) => regenerateRecoveryCodes({ actor, meta, code: input.code }),
  success: msg("account.recovery.regenerated"),
  revalidate: ["/compte"],
});
