import { c607Route, json, readBody } from "@/lib/c607/api/c607-route";
import { sendRequest } from "@/lib/c607/requests";
import { ZSendRequest } from "@/lib/c607/requests/schemas";

export const dynamic = "force-dynamic";

/** CPAS: sends the request to ONEM (derogationJustification for a second calculation outside the window). */
export const POST = c607Route<{ id: string }>(async ({ req, ctx, params }) =>
  json(
    await sendRequest({
      ctx,
      id: params.id,
      input: await readBody(req, ZSendRequest),
    }),
  ),
);
