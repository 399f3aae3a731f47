import { c607Route, json, readBody } from "@/lib/c607/api/c607-route";
import { takeRequest } from "@/lib/c607/requests";
import { ZVersionOnly } from "@/lib/c607/requests/schemas";

export const dynamic = "force-dynamic";

/** ONEM: takes a sent request in charge. */
export const POST = c607Route<{ id: string }>(async ({ req, ctx, params }) =>
  json(
    await takeRequest({
      ctx,
      id: params.id,
      input: await readBody(req, ZVersionOnly),
    }),
  ),
);
