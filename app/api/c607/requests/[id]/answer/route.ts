import { c607Route, json, readBody } from "@/lib/c607/api/c607-route";
import { answerRequest } from "@/lib/c607/requests";
import { ZAnswerRequest } from "@/lib/c607/requests/schemas";

export const dynamic = "force-dynamic";

/** ONEM: validates the proposal or sets another figure with a reason. */
export const POST = c607Route<{ id: string }>(async ({ req, ctx, params }) =>
  json(
    await answerRequest({
      ctx,
      id: params.id,
      input: await readBody(req, ZAnswerRequest),
    }),
  ),
);
