"use server";

import { byPerson, managementAction, withPerson } from "@/lib/access/manage/run-management-action";
import { ZPersonId } from "@/lib/access/manage/schemas";
import { resetSecondFactor } from "@/lib/auth/reset-second-factor";
import * as R from "@/lib/http/resolve-resource";
import { msg } from "@/lib/i18n/message-ref";

// A lost phone (issue 12): the person's managers reset their second factor. The permission is the
// one to manage the person's users; the command also checks that the actor stands above the person
// everywhere (lib/access/hierarchy.ts): a GL for a user, the RAE level for a manager.
export const resetSecondFactorAction = managementAction({
  name: "réinitialiser la double authentification",
  permission: "quality.manage_users",
  input: byPerson(ZPersonId),
  resource: async ({ actor, input }) => R.personResources(actor, await withPerson(actor, input)),
  run: resetSecondFactor,
  success: (r) => msg("account.secondFactor.resetDone", { name: r.personName }),
});
