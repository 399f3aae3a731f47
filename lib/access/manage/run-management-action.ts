import "server-only";

import { z } from "zod";

import type { Actor, Resource } from "@/lib/access/actor";
import type { Action } from "@/lib/access/permissions";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { defineFormAction } from "@/lib/http/define-action";
import type { ResourceResolver } from "@/lib/http/authorize-entry";
import { ZId } from "@/lib/http/parse-id";
import { personIdByEmail } from "@/lib/http/resolve-resource";

import type { Command } from "./command";

/**
 * Every access-management server action (app/(portal)/gestion/actions.ts): a form action built by
 * defineFormAction with its permission and resource, refreshing the management pages after a
 * success. The domain command checks everything again (hierarchy, self, segregation of duties).
 */
export function managementAction<S extends z.ZodType, T>(def: {
  name: string;
  permission: Action | readonly Action[];
  input: S;
  resource: ResourceResolver<{ actor: Actor; input: z.output<S>; args: [] }>;
  run: (c: Command<z.output<S>>) => Promise<T>;
  success: string | ((result: T) => string);
}) {
  return defineFormAction({
    name: def.name,
    permission: def.permission,
    input: def.input,
    resource: def.resource,
    run: ({ actor, meta, input }) => def.run({ ...(input as object), actor, meta } as Command<z.output<S>>),
    success: def.success,
    revalidate: ["/gestion", "/tableau-de-bord"],
  });
}

/**
 * Forms name a person by e-mail or pick them from the page's list (by id), tables by id: the
 * schema takes either, and `withPerson` resolves the e-mail inside the actor's centre only, while
 * the resource is resolved, so the command always gets a `personId`.
 */
export function byPerson<S extends z.ZodObject<{ personId: z.ZodType }>>(schema: S) {
  return (
    schema
      .omit({ personId: true } as never)
      // A list's « — choisir — » sends an empty id: the same as none, asked for below.
      .extend({ personId: z.preprocess((v) => (v === "" ? undefined : v), ZId.optional()), personEmail: z.string().max(254).optional() })
      .refine((v) => v.personId || v.personEmail, {
        message: msg("access.errors.choosePerson"),
        path: ["personEmail"],
      }) as unknown as z.ZodType<z.output<S>, unknown>
  );
}

export async function withPerson(actor: Actor, input: { personId?: string; personEmail?: string }): Promise<string> {
  if (!input.personId) {
    input.personId = await personIdByEmail(actor, input.personEmail).catch(() => {
      throw new AppError("NOT_FOUND", msg("access.errors.unknownEmail"), { personEmail: [msg("access.errors.unknownEmailField")] });
    });
  }
  return input.personId;
}

export type { Resource };
