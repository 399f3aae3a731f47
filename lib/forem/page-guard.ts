import "server-only";

import { notFound, redirect } from "next/navigation";

import type { Actor } from "@/lib/access/actor";
import { getActor } from "@/lib/auth/get-actor";

import { canUseFileExchange, canUseForem } from "./access";

// For pages: no session → sign-in; no right → the same 404 as a page that does not exist.

export async function foremPageActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  if (!canUseForem(actor)) notFound();
  return actor;
}

export async function fileExchangePageActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  if (!canUseFileExchange(actor)) notFound();
  return actor;
}
