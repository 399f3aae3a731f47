import { C607_API, C607_SIDES, c607Context, json, requestResource, ZRequestPath } from "@/lib/c607/api/c607-route";
import { getTimeline } from "@/lib/c607/requests";
import { defineRoute } from "@/lib/http/define-route";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { localize } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

/**
 * The request's timeline: every change with its actor and time. Notes are stored as catalogue
 * references (issue 13): answered as text in the caller's language, as the detail route does.
 */
export const GET = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  handler: async ({ req, actor, meta, params }) => {
    const timeline = await getTimeline({ ctx: c607Context(actor, meta), id: params.id });
    const locale = localeOfRequest(req);
    return json({ evenements: timeline.map((e) => ({ ...e, note: e.note === null ? null : localize(locale, e.note) })) });
  },
});
