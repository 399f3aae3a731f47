import { c607Route, json, readBody } from "@/lib/c607/api/c607-route";
import { copyRequest } from "@/lib/c607/requests";
import { ZCopyRequest } from "@/lib/c607/requests/schemas";

export const dynamic = "force-dynamic";

/** CPAS: editable copy of a calculated request (idempotent on clientKey). */
export const POST = c607Route<{ id: string }>(async ({ req, ctx, params }) => {
  const created = await copyRequest({
    ctx,
    id: params.id,
    input: await readBody(req, ZCopyRequest),
  });
  return json(created, created.isReplay ? 200 : 201);
});
