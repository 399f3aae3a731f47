"use server";

import { completePasswordReset } from "@/lib/auth/password-reset/complete-password-reset";
import { requestPasswordReset } from "@/lib/auth/password-reset/request-password-reset";
import { ZCompleteReset, ZRequestReset } from "@/lib/auth/password-reset/schemas";
import { defineFormAction } from "@/lib/http/define-action";

// Public by design (issue 12): nobody is signed in. Asking gives the same answer for every address
// and is rate-limited; the link's single-use token is the credential for setting the password.

export const requestPasswordResetAction = defineFormAction({
  name: "mot de passe oublié : demande",
  permission: "public",
  input: ZRequestReset,
  run: ({ meta, input }) => requestPasswordReset({ email: input.email, meta }),
  success: (r) => r.message,
});

export const completePasswordResetAction = defineFormAction({
  name: "mot de passe oublié : nouveau mot de passe",
  permission: "public",
  input: ZCompleteReset,
  run: ({ meta, input }) => completePasswordReset({ token: input.token, password: input.password, meta }),
  // Post/redirect/get: the answer is the sign-in page saying the password is changed, never this
  // page again — after the browser's own post (form sent before hydration) it would look the link
  // up, find it used by that very post and say « plus valable » (issue 12).
  redirectTo: "/login?raison=mot-de-passe-change",
});
