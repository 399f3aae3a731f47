import { C607_API, C607_SIDES, c607Context, json, requestResource, ZRequestPath } from "@/lib/c607/api/c607-route";
import { requestComplement } from "@/lib/c607/requests";
import { ZRequestComplement } from "@/lib/c607/requests/schemas";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** ONEM: sends the request back to the CPAS with the complement asked. */
export const POST = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  body: { json: ZRequestComplement },
  handler: async ({ actor, meta, params, body }) => json(await requestComplement({ ctx: c607Context(actor, meta), id: params.id, input: body })),
});
