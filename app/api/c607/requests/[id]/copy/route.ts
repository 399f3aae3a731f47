import { C607_API, C607_SIDES, c607Context, json, requestResource, ZRequestPath } from "@/lib/c607/api/c607-route";
import { copyRequest } from "@/lib/c607/requests";
import { ZCopyRequest } from "@/lib/c607/requests/schemas";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** CPAS: editable copy of a calculated request (idempotent on clientKey). */
export const POST = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  body: { json: ZCopyRequest },
  handler: async ({ actor, meta, params, body }) => {
    const created = await copyRequest({ ctx: c607Context(actor, meta), id: params.id, input: body });
    return json(created, created.isReplay ? 200 : 201);
  },
});
