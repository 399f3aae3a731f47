import { c607Route, json, readBody } from "@/lib/c607/api/c607-route";
import { calculateRequest } from "@/lib/c607/requests";
import { ZVersionOnly } from "@/lib/c607/requests/schemas";

export const dynamic = "force-dynamic";

/** ONEM: runs the calculation engine and stores the proposal with its steps. */
export const POST = c607Route<{ id: string }>(async ({ req, ctx, params }) =>
  json(
    await calculateRequest({
      ctx,
      id: params.id,
      input: await readBody(req, ZVersionOnly),
    }),
  ),
);
