import { C607_API, C607_SIDES, c607Context, json, requestResource, ZRequestPath } from "@/lib/c607/api/c607-route";
import { getTimeline } from "@/lib/c607/requests";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** The request's timeline: every change with its actor and time. */
export const GET = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  handler: async ({ actor, meta, params }) => json({ evenements: await getTimeline({ ctx: c607Context(actor, meta), id: params.id }) }),
});
