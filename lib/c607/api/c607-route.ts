import "server-only";

import { z } from "zod";

import type { Actor, Resource } from "@/lib/access/actor";
import type { Action } from "@/lib/access/permissions";
import { ZId } from "@/lib/http/parse-id";
import { appResource, c607RequestResource } from "@/lib/http/resolve-resource";
import type { RequestMeta } from "@/lib/http/request-context";

import { type C607Context, sideOf } from "../requests/context";

/**
 * What every /api/c607 route declares with defineRoute (lib/http/define-route.ts):
 * - two credentials: a personal API token (`Authorization: Bearer cpas_…`, technical users), which
 *   takes precedence (the cookie is then never read, a bad token is a 401), or the browser session
 *   with the same-origin check;
 * - a caller on neither side of the workflow gets 403 before its path, query or body is read, so
 *   the answer never depends on what it sent (`gate`);
 * - the permission of each side: "app.c607" (CPAS, on its centre's C60.7 application) or
 *   "app.c607.onem" (ONEM, on the request's centre). The domain functions check again, per request.
 */
export const C607_API = { auth: "sessionOrToken", gate: (actor: Actor) => void sideOf(actor) } as const;
export const C607_SIDES = ["app.c607", "app.c607.onem"] as const satisfies readonly Action[];

/** Path of one request: `[id]` must be a UUID (404 otherwise). */
export const ZRequestPath = z.object({ id: ZId });
export const ZAttachmentPath = z.object({ id: ZId, attachmentId: ZId });

/** The request named by the path, in the actor's centre (CPAS) or any centre (ONEM). */
export const requestResource = ({ actor, params }: { actor: Actor; params: { id: string } }): Promise<Resource> => c607RequestResource(actor, params.id);

/** No request named: the actor's side itself (CPAS: its centre's C60.7 application). */
export const sideResource = ({ actor }: { actor: Actor }): Resource =>
  actor.entityKind === "ONEM" ? { entityId: actor.entityId } : appResource(actor, "app.c607");

export const c607Context = (actor: Actor, meta: RequestMeta): C607Context => ({ actor, meta });

export const json = (body: unknown, status = 200) => Response.json(body, { status });
