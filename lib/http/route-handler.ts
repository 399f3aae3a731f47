import "server-only";

import { unstable_rethrow } from "next/navigation";

import { AppError, isAppError } from "@/lib/errors/app-error";
import { reportUnexpectedError } from "@/lib/errors/report-error";
import { msg, parseMessageRef } from "@/lib/i18n/message-ref";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { localize, localizeFieldErrors } from "@/lib/i18n/translator";

import { isSameOrigin } from "./same-origin";

/** Browsers send Origin on every cross-site POST: a state-changing call from another site is refused. */
export function assertSameOrigin(req: Request): void {
  if (req.method === "GET" || req.method === "HEAD") return;
  if (!isSameOrigin(req.headers)) throw new AppError("FORBIDDEN", msg("errors.foreignOrigin"));
}

/**
 * The one error mapping of route handlers (define-route.ts): Next's own control-flow errors
 * (notFound, redirect…) go back to Next; expected errors become JSON with their status; anything
 * else a generic 500 with an id, logged with national numbers masked. The message is in the
 * caller's language (cookie, else Accept-Language); `code` and `cle` (the catalogue key) are
 * stable machine codes a client can rely on whatever the language.
 */
export async function errorResponse(error: unknown, req: Request, authChallenge?: string): Promise<Response> {
  unstable_rethrow(error);
  const locale = localeOfRequest(req);
  if (isAppError(error)) {
    const headers: HeadersInit = error.status === 401 && authChallenge ? { "WWW-Authenticate": authChallenge } : {};
    const body = {
      erreur: localize(locale, error.message),
      code: error.code,
      cle: messageKeyOf(error.message),
      champs: localizeFieldErrors(locale, error.fieldErrors),
    };
    return Response.json(body, { status: error.status, headers: { ...headers, "Content-Language": locale } });
  }
  const id = reportUnexpectedError(error, `${req.method} ${new URL(req.url).pathname}`);
  return Response.json(
    { erreur: localize(locale, msg("errors.generic", { id })), code: "INTERNAL", cle: "errors.generic" },
    { status: 500, headers: { "Content-Language": locale } },
  );
}

function messageKeyOf(message: string): string | undefined {
  return parseMessageRef(message)?.key;
}
