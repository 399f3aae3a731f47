import "server-only";

import { revalidatePath } from "next/cache";
import type { z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { requireActor } from "@/lib/auth/get-actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { hasUnsafeChars } from "@/lib/validation/safe-text";
import { requestMeta } from "@/lib/http/request-context";
import { parseInput, runAction, type ActionState } from "@/lib/http/server-action";

import type { Command } from "./command";

/**
 * The body of every access-management server action: parse the form with its schema, load the
 * actor from the server-side session, run the domain command (which checks authorization itself),
 * refresh the management pages. Expected errors come back to the form in French.
 */
export async function runManagementAction<S extends z.ZodType, T>(
  context: string,
  schema: S,
  formData: FormData,
  command: (c: Command<z.infer<S>>) => Promise<T>,
  successMessage: string | ((result: T) => string),
): Promise<ActionState<T>> {
  const state = await runAction(context, async () => {
    const actor = await requireActor();
    const input = parseInput(schema, await withResolvedPerson(actor, Object.fromEntries(formData)));
    return command({ ...(input as object), actor, meta: await requestMeta() } as Command<z.infer<S>>);
  });
  if (state.status !== "success") return state;
  revalidatePath("/gestion", "layout");
  revalidatePath("/tableau-de-bord");
  return { ...state, message: typeof successMessage === "string" ? successMessage : successMessage(state.data) };
}

/**
 * Forms name a person by e-mail (a select of 5,000 people would be unusable): resolve it to an id,
 * inside the actor's entity only. The command then checks everything else.
 */
async function withResolvedPerson(actor: Actor, fields: Record<string, FormDataEntryValue>) {
  const email = fields.personEmail;
  if (typeof email !== "string") return fields;
  const normalized = email.trim().toLowerCase();
  const person =
    normalized && normalized.length <= 254 && !hasUnsafeChars(normalized)
      ? await db.person.findFirst({ where: { email: normalized, entityId: actor.entityId }, select: { id: true } })
      : null;
  if (!person)
    throw new AppError("NOT_FOUND", "Aucune personne de votre centre n'a cette adresse e-mail.", { personEmail: ["Adresse inconnue dans votre centre."] });
  const { personEmail: _ignored, ...rest } = fields;
  return { ...rest, personId: person.id };
}
