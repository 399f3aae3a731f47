"use server";

import { acceptInvitation } from "@/lib/access/manage/accept-invitation";
import { ZAcceptInvitation } from "@/lib/access/manage/schemas";
import { defineFormAction } from "@/lib/http/define-action";

/** Public by design: the invitation's single-use token is the credential (checked by acceptInvitation). */
export const acceptInvitationAction = defineFormAction({
  name: "accepter une invitation",
  permission: "public",
  input: ZAcceptInvitation,
  run: ({ meta, input }) => acceptInvitation({ token: input.token, password: input.password, meta }),
  // Post/redirect/get, as for the password reset (app/mot-de-passe-oublie/actions.ts).
  redirectTo: "/login?raison=compte-active",
});
