"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { createApiToken, revokeApiToken } from "@/lib/api-tokens";
import { ZCreateApiToken, ZRevokeApiToken } from "@/lib/api-tokens/schemas";
import { requireActor } from "@/lib/auth/get-actor";
import { requestMeta } from "@/lib/http/request-context";
import { parseInput, runAction, type ActionState } from "@/lib/http/server-action";

// Server actions are public endpoints: each loads the actor from the server-side session; the
// domain functions check the technical-user role (create) and ownership (revoke) themselves.

export async function createApiTokenAction(
  _: ActionState<{ name: string; token: string }>,
  form: FormData,
): Promise<ActionState<{ name: string; token: string }>> {
  const state = await runAction("jetons : créer", async () => {
    const input = parseInput(ZCreateApiToken, Object.fromEntries(form));
    const { name, token } = await createApiToken({ actor: await requireActor(), meta: await requestMeta(), input });
    return { name, token };
  });
  // The list shows the new row; the token itself stays only in the form's state (shown once).
  if (state.status === "success") revalidatePath("/jetons");
  return state;
}

export async function revokeApiTokenAction(_: ActionState<unknown>, form: FormData): Promise<ActionState<unknown>> {
  const state = await runAction("jetons : révoquer", async () => {
    const { tokenId } = parseInput(ZRevokeApiToken, Object.fromEntries(form));
    await revokeApiToken({ actor: await requireActor(), meta: await requestMeta(), tokenId });
  });
  // The revoked row loses its form: the page itself says it is done.
  if (state.status === "success") redirect("/jetons?revoque=1");
  return state;
}
