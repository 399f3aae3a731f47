import type { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

export const INVALID_FIELDS = msg("errors.invalidFields");

/** Zod issues as field errors keyed by their path ("_" for the whole input). */
export function fieldErrorsOf(issues: readonly { path?: readonly PropertyKey[] | readonly unknown[]; message: string }[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = (issue.path ?? []).map((p) => String(typeof p === "object" && p !== null && "key" in p ? (p as { key: unknown }).key : p)).join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** Parses input with its zod schema; a failure becomes field errors in French (400). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", INVALID_FIELDS, fieldErrorsOf(parsed.error.issues));
  return parsed.data;
}
