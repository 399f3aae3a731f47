import { C607_API, C607_SIDES, c607Context, json, requestResource, ZRequestPath } from "@/lib/c607/api/c607-route";
import { getRequestDetail, updateDraft } from "@/lib/c607/requests";
import { ZUpdateDraft } from "@/lib/c607/requests/schemas";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  handler: async ({ actor, meta, params }) => json(await getRequestDetail({ ctx: c607Context(actor, meta), id: params.id })),
});

/** Replaces the draft's content (whole form), checked against `version`. */
export const PATCH = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  body: { json: ZUpdateDraft },
  handler: async ({ actor, meta, params, body }) => json(await updateDraft({ ctx: c607Context(actor, meta), id: params.id, input: body })),
});
