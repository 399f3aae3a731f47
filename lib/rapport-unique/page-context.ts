import "server-only";

import { notFound as pageNotFound, redirect } from "next/navigation";

import { getActor } from "@/lib/auth/get-actor";
import { requestMeta } from "@/lib/http/request-context";

import { type RuContext, ruSide } from "./access";

/** The page's context, or the sign-in page / a 404 for anyone outside the Rapport unique. */
export async function ruPageContext(): Promise<RuContext> {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  try {
    ruSide(actor);
  } catch {
    pageNotFound();
  }
  return { actor, meta: await requestMeta() };
}
