import { C607_API, C607_SIDES, c607Context, json, requestResource, ZRequestPath } from "@/lib/c607/api/c607-route";
import { decideDerogation } from "@/lib/c607/requests";
import { ZDecideDerogation } from "@/lib/c607/requests/schemas";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** ONEM: accepts or refuses the derogation the CPAS asked for. */
export const POST = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  body: { json: ZDecideDerogation },
  handler: async ({ actor, meta, params, body }) => json(await decideDerogation({ ctx: c607Context(actor, meta), id: params.id, input: body })),
});
