import "server-only";

import { cookies } from "next/headers";
import { cache } from "react";

import type { Actor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { requestMeta } from "@/lib/http/request-context";

import { loadActor } from "./load-actor";
import { sessionIdFromCookies } from "./session-cookie";

/** The signed-in actor of this request (cached per request), or null. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const sid = await sessionIdFromCookies(await cookies());
  if (!sid) return null;
  return loadActor(sid, { touch: true, meta: await requestMeta() });
});

/** For server actions and route handlers: the actor, or an UNAUTHENTICATED error. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", msg("errors.sessionEnded"));
  return actor;
}
