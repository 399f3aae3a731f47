import { c607Route, json, readBody } from "@/lib/c607/api/c607-route";
import { requestComplement } from "@/lib/c607/requests";
import { ZRequestComplement } from "@/lib/c607/requests/schemas";

export const dynamic = "force-dynamic";

/** ONEM: sends the request back to the CPAS with the complement asked. */
export const POST = c607Route<{ id: string }>(async ({ req, ctx, params }) =>
  json(
    await requestComplement({
      ctx,
      id: params.id,
      input: await readBody(req, ZRequestComplement),
    }),
  ),
);
