import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/**
 * One value per query parameter (issue 9, finding 8). A repeated parameter (`?q=a&q=b`) reaches a
 * page as an array, and `params.q.slice(…)` on an array let a page answer 500. For route handlers
 * a repeated parameter is a 400; pages use `firstParam` and fall back to a sane default.
 */
export function queryObject(params: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  const entries =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : v === undefined ? [] : [[k, v] as const]));
  for (const [k, v] of entries) {
    if (Object.hasOwn(out, k)) throw new AppError("BAD_REQUEST", msg("errors.request.repeatedParameter", { name: k.slice(0, 40) }));
    out[k] = v;
  }
  return out;
}

/** For pages: a parameter's single value (the first when repeated), cut to `max` characters; "" when absent. */
export function firstParam(raw: string | string[] | undefined, max = 200): string {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return typeof v === "string" ? v.slice(0, max) : "";
}

/** For pages: the query as one string per name (first value of a repeated one), garbage-tolerant. */
export function pageQuery(params: Record<string, string | string[] | undefined>, max = 200): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, firstParam(v, max)]));
}

/** A search box's query (sent by POST: lib/http/search-cookie.ts): at most 100 characters, trimmed. */
export const ZSearchQuery = z.object({
  q: z.preprocess(
    (v) => (typeof v === "string" ? v : ""),
    z
      .string()
      .trim()
      .max(100, { error: msg("validation.searchTooLong") }),
  ),
});
