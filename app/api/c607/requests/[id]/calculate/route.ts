import { C607_API, C607_SIDES, c607Context, json, requestResource, ZRequestPath } from "@/lib/c607/api/c607-route";
import { calculateRequest } from "@/lib/c607/requests";
import { ZVersionOnly } from "@/lib/c607/requests/schemas";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** ONEM: runs the calculation engine and stores the proposal with its steps. */
export const POST = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  body: { json: ZVersionOnly },
  handler: async ({ actor, meta, params, body }) => json(await calculateRequest({ ctx: c607Context(actor, meta), id: params.id, input: body })),
});
