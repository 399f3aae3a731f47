import { C607_API, C607_SIDES, c607Context, json, requestResource, ZRequestPath } from "@/lib/c607/api/c607-route";
import { readableProposal } from "@/lib/c607/read-calculation";
import { getRequestDetail, updateDraft } from "@/lib/c607/requests";
import { ZUpdateDraft } from "@/lib/c607/requests/schemas";
import { defineRoute } from "@/lib/http/define-route";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { localize } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  handler: async ({ req, actor, meta, params }) => {
    // The proposal's explanation and the timeline's notes are stored as catalogue references (issue
    // 13): the API answers them as text in the caller's language.
    const detail = await getRequestDetail({ ctx: c607Context(actor, meta), id: params.id });
    const locale = localeOfRequest(req);
    return json({
      ...detail,
      proposal: readableProposal(locale, detail.proposal),
      timeline: detail.timeline.map((e) => ({ ...e, note: e.note === null ? null : localize(locale, e.note) })),
    });
  },
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
