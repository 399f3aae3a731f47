import { C607_API, C607_SIDES, c607Context, json, requestResource, ZRequestPath } from "@/lib/c607/api/c607-route";
import { answerRequest } from "@/lib/c607/requests";
import { ZAnswerRequest } from "@/lib/c607/requests/schemas";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** ONEM: validates the proposal or sets another figure with a reason. */
export const POST = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  body: { json: ZAnswerRequest },
  handler: async ({ actor, meta, params, body }) => json(await answerRequest({ ctx: c607Context(actor, meta), id: params.id, input: body })),
});
