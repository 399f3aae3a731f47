import { c607Route, json, readBody } from "@/lib/c607/api/c607-route";
import { decideDerogation } from "@/lib/c607/requests";
import { ZDecideDerogation } from "@/lib/c607/requests/schemas";

export const dynamic = "force-dynamic";

/** ONEM: accepts or refuses the derogation the CPAS asked for. */
export const POST = c607Route<{ id: string }>(async ({ req, ctx, params }) =>
  json(
    await decideDerogation({
      ctx,
      id: params.id,
      input: await readBody(req, ZDecideDerogation),
    }),
  ),
);
