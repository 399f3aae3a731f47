import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

/**
 * The one id parser (issue 9, finding 8). Every id the portal hands out is a UUID, and the columns
 * are PostgreSQL `uuid`: a 36-character string that is not one made Prisma throw, and the route
 * answered 500. Anything that is not a UUID is simply "not found", before any query.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const NOT_FOUND_MESSAGE = msg("errors.notFound");

export function isId(raw: unknown): raw is string {
  return typeof raw === "string" && UUID_PATTERN.test(raw);
}

/** The id, lower-cased; otherwise an AppError NOT_FOUND (404), the answer an unknown id gets. */
export function parseId(raw: unknown, message = NOT_FOUND_MESSAGE): string {
  if (!isId(raw)) throw new AppError("NOT_FOUND", message);
  return raw.toLowerCase();
}

/** The same rule as a zod schema, for action inputs and bound arguments. */
export const ZId = z
  .string(NOT_FOUND_MESSAGE)
  .regex(UUID_PATTERN, NOT_FOUND_MESSAGE)
  .transform((v) => v.toLowerCase());

/**
 * For pages: the id of the path, or Next's 404 page when it is not a UUID (never a query).
 * next/navigation is loaded here only: this module is also imported by domain code that runs
 * outside Next (benchmarks, scripts), where that module cannot load.
 */
export async function pageId(params: Promise<Record<string, string | string[] | undefined>>, name = "id"): Promise<string> {
  const raw = (await params)[name];
  if (!isId(raw)) return (await import("next/navigation")).notFound();
  return raw.toLowerCase();
}
