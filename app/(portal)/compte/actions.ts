"use server";

import { z } from "zod";

import { changeOwnPassword } from "@/lib/auth/account/change-password";
import { confirmTotpReenrolment, regenerateRecoveryCodes, startTotpReenrolment } from "@/lib/auth/account/second-factor";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { defineFormAction } from "@/lib/http/define-action";

// « Mon compte » (issue 11): a person's own password and second factor. "signedIn" by design: each
// domain function acts on the actor's own row only (found by the session's person id, never by an
// input) and asks a fresh code of the authenticator app before changing anything.

const code = z.string().trim().max(12, "Code invalide.");
const password = z.string().max(PASSWORD_MAX_LENGTH + 1);

export const changePasswordAction = defineFormAction({
  name: "mon compte : changer le mot de passe",
  permission: "signedIn",
  input: z.object({ currentPassword: password, newPassword: password, confirmation: password, code }),
  run: ({ actor, meta, input }) => changeOwnPassword({ actor, meta, ...input }),
  success: ({ otherSessionsEnded }) =>
    otherSessionsEnded
      ? `Mot de passe modifié. ${otherSessionsEnded} autre(s) session(s) ouverte(s) avec l'ancien mot de passe ont été fermée(s).`
      : "Mot de passe modifié.",
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
  success:
    "Double authentification reconfigurée : seule la nouvelle application donne désormais des codes valides. Vos codes de récupération restent valables.",
  revalidate: ["/compte"],
});

export const regenerateRecoveryCodesAction = defineFormAction({
  name: "mon compte : nouveaux codes de récupération",
  permission: "signedIn",
  input: z.object({ code }),
  run: ({ actor, meta, input }) => regenerateRecoveryCodes({ actor, meta, code: input.code }),
  success: "Nouveaux codes de récupération créés : les anciens ne fonctionnent plus. Notez ceux-ci maintenant, ils ne seront plus affichés.",
  revalidate: ["/compte"],
});
