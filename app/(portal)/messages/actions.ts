"use server";

import { revalidatePath } from "next/cache";

import { requireActor } from "@/lib/auth/get-actor";
import { runAction } from "@/lib/http/server-action";
import { markNotificationRead } from "@/lib/notifications/list-inbox";

export async function markReadAction(id: string) {
  return runAction("messages : lu", async () => {
    await markNotificationRead({ actor: await requireActor(), id: String(id) });
    revalidatePath("/messages");
    return { id };
  });
}
