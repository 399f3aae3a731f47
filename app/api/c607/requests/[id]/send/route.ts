import { C607_API, C607_SIDES, c607Context, json, requestResource, ZRequestPath } from "@/lib/c607/api/c607-route";
import { sendRequest } from "@/lib/c607/requests";
import { ZSendRequest } from "@/lib/c607/requests/schemas";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** CPAS: sends the request to ONEM (derogationJustification for a second calculation outside the window). */
export const POST = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  body: { json: ZSendRequest },
  handler: async ({ actor, meta, params, body }) => json(await sendRequest({ ctx: c607Context(actor, meta), id: params.id, input: body })),
});
