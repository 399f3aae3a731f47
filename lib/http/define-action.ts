import "server-only";

// zod's own messages as catalogue references (issue 13), before any schema parses.
import "@/lib/i18n/zod-messages";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ActionBindArgsValidationError, createSafeActionClient } from "next-safe-action";
import { z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { requireActor } from "@/lib/auth/get-actor";
import { isAppError } from "@/lib/errors/app-error";
import { userMessage } from "@/lib/errors/report-error";
import { localizeFieldErrorsForRequest, localizeForRequest } from "@/lib/i18n/server";

import { authorizeEntry, type Permission, type ResourceResolver } from "./authorize-entry";
import { NOT_FOUND_MESSAGE } from "./parse-id";
import { INVALID_FIELDS } from "./parse-input";
import { requestMeta, type RequestMeta } from "./request-context";
import type { ActionState } from "./server-action";

// THE way into a server action (issue 9, STYLE 5). Built on next-safe-action: its client loads the
// actor (before anything is parsed), validates the input and the bound arguments with their zod
// schemas, then our validated middleware resolves the resource from the parsed input (by id AND
// the actor's entity: lib/http/resolve-resource.ts) and checks `can(actor, permission, resource)`;
// only then does the domain function run (it keeps its own checks). The forms keep our ActionState
// shape: the adapter below turns next-safe-action's result into it. Unit test:
// lib/http/one-way-in.test.ts fails when an exported action is not built here.

type ActionError = { message: string; fieldErrors?: Record<string, string[]> };

/** The one error mapping for actions: expected errors in French, anything else logged under an id. */
function actionError(error: Error, name: string): ActionError {
  // A bound argument (an id) that does not parse is an unknown element, like a 404.
  if (error instanceof ActionBindArgsValidationError) return { message: NOT_FOUND_MESSAGE };
  return { message: userMessage(error, name), fieldErrors: isAppError(error) ? error.fieldErrors : undefined };
}

const client = createSafeActionClient({
  defineMetadataSchema: () => z.object({ name: z.string() }),
  // "formatted" keeps every nested path (assimilatedPeriods.0.toDate, policy.allowedCidrs…);
  // "flattened" would drop any error deeper than the first level. See dottedFieldErrors below.
  defaultValidationErrorsShape: "formatted",
  handleServerError: (error, { metadata }) => actionError(error, metadata?.name ?? "action"),
});

type Outs<A extends readonly z.ZodType[]> = { [K in keyof A]: z.output<A[K]> };
type ActorFor<P extends Permission> = P extends "public" ? null : Actor;

export type ActionDefinition<P extends Permission, S extends z.ZodType, A extends readonly z.ZodType[], T> = {
  /** French name, for the logs. */
  name: string;
  /** An Action of lib/access/permissions.ts (or several: any of them), or `public` / `signedIn` by design. */
  permission: P;
  /** The main input's schema (see `formInput` for forms). */
  input: S;
  /** Schemas of the arguments bound before the input (`action.bind(null, id)`), usually `[ZId]`. */
  args?: A;
  /** Paths revalidated (with everything under them) after a success. */
  revalidate?: readonly string[] | ((data: T) => readonly string[]);
  /** The success message shown by the form. */
  success?: string | ((data: T) => string);
  /** Navigates there after a success (instead of returning the state). */
  redirectTo?: string;
  run: (o: { actor: ActorFor<P>; meta: RequestMeta; input: z.output<S>; args: Outs<A> }) => Promise<T>;
} & (P extends "public" | "signedIn"
  ? { resource?: never }
  : { resource: ResourceResolver<{ actor: Actor; input: z.output<S>; args: Outs<A> }>; denied?: "forbidden" | "notFound" });

/** A form's fields as the schema's input: `fromForm` maps the FormData (default: one value per name). */
export function formInput<S extends z.ZodType>(schema: S, fromForm: (f: FormData) => unknown = formFields) {
  return z.preprocess((v) => (v instanceof FormData ? fromForm(v) : v), schema);
}

/** One value per field name, without React's own `$ACTION…` fields. */
export function formFields(f: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...f.entries()].filter(([k]) => !k.startsWith("$ACTION")));
}

/** Builds a server action called as `action(...boundArgs, input)`. */
export function defineAction<P extends Permission, S extends z.ZodType, const A extends readonly z.ZodType[] = [], T = unknown>(
  def: ActionDefinition<P, S, A, T>,
): ((...inputs: [...{ [K in keyof A]: z.input<A[K]> }, input?: unknown]) => Promise<ActionState<T>>) & { permission: P } {
  const safe = buildSafeAction(def);
  const action = async (...inputs: unknown[]): Promise<ActionState<T>> => localizeState(toState(def, await safe(...inputs)));
  return Object.assign(action, { permission: def.permission }) as never;
}

/** Builds a server action for `useActionState(action, { status: "idle" })`: `(previousState, formData)`. */
export function defineFormAction<P extends Permission, S extends z.ZodType, T = unknown>(
  def: ActionDefinition<P, S, [], T> & { fromForm?: (f: FormData) => unknown },
): ((previous: ActionState<unknown>, form: FormData) => Promise<ActionState<T>>) & { permission: P } {
  const safe = buildSafeAction({ ...def, input: formInput(def.input, def.fromForm) } as never);
  const action = async (_previous: ActionState<unknown>, form: FormData): Promise<ActionState<T>> => localizeState(toState(def, await safe(form)));
  return Object.assign(action, { permission: def.permission }) as never;
}

/** next-safe-action's "formatted" validation errors: `_errors` at each level of the input's shape. */
type FormattedErrors = { _errors?: string[] } & { [key: string]: FormattedErrors | string[] | undefined };

type SafeResult = { data?: unknown; serverError?: ActionError; validationErrors?: FormattedErrors };

/**
 * Field errors keyed by their whole path joined with dots ("assimilatedPeriods.0.toDate"), and
 * errors of the input as a whole under "_": the shape the forms read (the one parseInput gives).
 */
export function dottedFieldErrors(errors: FormattedErrors, prefix = "", out: Record<string, string[]> = {}): Record<string, string[]> {
  for (const [key, value] of Object.entries(errors)) {
    if (key === "_errors") {
      if (Array.isArray(value) && value.length) (out[prefix || "_"] ??= []).push(...value);
    } else if (value && !Array.isArray(value)) {
      dottedFieldErrors(value, prefix ? `${prefix}.${key}` : key, out);
    }
  }
  return out;
}

type LooseDefinition = {
  name: string;
  permission: Permission;
  input: z.ZodType;
  args?: readonly z.ZodType[];
  resource?: ResourceResolver<{ actor: Actor; input: unknown; args: unknown[] }>;
  denied?: "forbidden" | "notFound";
  run: (o: { actor: Actor | null; meta: RequestMeta; input: unknown; args: unknown[] }) => Promise<unknown>;
};

function buildSafeAction(definition: unknown): (...inputs: unknown[]) => Promise<SafeResult> {
  const def = definition as LooseDefinition;
  const built = client
    .metadata({ name: def.name })
    // Who asks, before anything is parsed: a request without a session gets 401 whatever it sent.
    .use(async ({ next }) => next({ ctx: { actor: def.permission === "public" ? null : await requireActor(), meta: await requestMeta() } }))
    .inputSchema(def.input)
    .bindArgsSchemas(def.args ?? [])
    .useValidated(async ({ parsedInput, bindArgsParsedInputs, ctx, next }) => {
      await authorizeEntry(
        ctx.actor,
        def.permission,
        def.resource,
        { actor: ctx.actor!, input: parsedInput, args: bindArgsParsedInputs as unknown[] },
        def.denied,
      );
      return next();
    })
    .action(async ({ parsedInput, bindArgsParsedInputs, ctx }) =>
      def.run({ actor: ctx.actor, meta: ctx.meta, input: parsedInput, args: bindArgsParsedInputs as unknown[] }),
    );
  return built as unknown as (...inputs: unknown[]) => Promise<SafeResult>;
}

/** The state's messages (references or legacy text) in the language of the person who acted. */
async function localizeState<T>(state: ActionState<T>): Promise<ActionState<T>> {
  if (state.status === "idle") return state;
  const message = state.message === undefined ? undefined : await localizeForRequest(state.message);
  if (state.status === "error") return { ...state, message: message ?? "", fieldErrors: await localizeFieldErrorsForRequest(state.fieldErrors) };
  return { ...state, ...(message === undefined ? {} : { message }) };
}

function toState<T>(
  def: { revalidate?: readonly string[] | ((data: T) => readonly string[]); success?: string | ((data: T) => string); redirectTo?: string },
  r: SafeResult,
): ActionState<T> {
  if (r.serverError) return { status: "error", message: r.serverError.message, fieldErrors: r.serverError.fieldErrors };
  if (r.validationErrors) return { status: "error", message: INVALID_FIELDS, fieldErrors: dottedFieldErrors(r.validationErrors) };
  const data = r.data as T;
  const paths = typeof def.revalidate === "function" ? def.revalidate(data) : (def.revalidate ?? []);
  for (const path of paths) revalidatePath(path, "layout");
  if (def.redirectTo) redirect(def.redirectTo);
  const message = typeof def.success === "function" ? def.success(data) : def.success;
  return { status: "success", data, ...(message ? { message } : {}) };
}
