import "server-only";

import type { z } from "zod";

import { AppError, isAppError } from "@/lib/errors/app-error";
import { userMessage } from "@/lib/errors/report-error";

export type ActionState<T = undefined> =
  { status: "idle" } | { status: "error"; message: string; fieldErrors?: Record<string, string[]> } | { status: "success"; message?: string; data: T };

/** Parses input with the form's zod schema; a failure becomes field errors in French. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "_";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    throw new AppError("BAD_REQUEST", "Certains champs sont invalides. Corrigez-les et réessayez.", fieldErrors);
  }
  return parsed.data;
}

/** Runs a server action body; expected errors reach the form, unexpected ones are logged with an id. */
export async function runAction<T>(context: string, fn: () => Promise<T>): Promise<ActionState<T>> {
  try {
    return { status: "success", data: await fn() };
  } catch (error) {
    return { status: "error", message: userMessage(error, context), fieldErrors: isAppError(error) ? error.fieldErrors : undefined };
  }
}
