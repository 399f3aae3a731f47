import { c607Route, json, readBody } from "@/lib/c607/api/c607-route";
import { getRequestDetail, updateDraft } from "@/lib/c607/requests";
import { ZUpdateDraft } from "@/lib/c607/requests/schemas";

export const dynamic = "force-dynamic";

export const GET = c607Route<{ id: string }>(async ({ ctx, params }) => json(await getRequestDetail({ ctx, id: params.id })));

/** Replaces the draft's content (whole form), checked against `version`. */
export const PATCH = c607Route<{ id: string }>(async ({ req, ctx, params }) =>
  json(
    await updateDraft({
      ctx,
      id: params.id,
      input: await readBody(req, ZUpdateDraft),
    }),
  ),
);
