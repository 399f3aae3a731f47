import { C607_API, C607_SIDES, c607Context, json, requestResource, ZRequestPath } from "@/lib/c607/api/c607-route";
import { readableProposal } from "@/lib/c607/read-calculation";
import { calculateRequest } from "@/lib/c607/requests";
import { ZVersionOnly } from "@/lib/c607/requests/schemas";
import { defineRoute } from "@/lib/http/define-route";
import { localeOfRequest } from "@/lib/i18n/request-locale";

export const dynamic = "force-dynamic";

/** ONEM: runs the calculation engine and stores the proposal with its steps. */
export const POST = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  body: { json: ZVersionOnly },
  handler: async ({ req, actor, meta, params, body }) => {
    const done = await calculateRequest({ ctx: c607Context(actor, meta), id: params.id, input: body });
    // Steps and warnings are stored as catalogue references (issue 13): answered as text in the caller's language.
    return json({ ...done, proposal: readableProposal(localeOfRequest(req), done.proposal) });
  },
});
