import { c607Route, json, readBody } from "@/lib/c607/api/c607-route";
import { createRequest, listRequests, sideOf } from "@/lib/c607/requests";
import { ZCreateRequest, ZQueueFilter } from "@/lib/c607/requests/schemas";
import { forbidden } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/http/server-action";

export const dynamic = "force-dynamic";

/** CPAS: its centre's requests. ONEM: the queue of every centre (filters: status, entityId, deadline, page). */
export const GET = c607Route(async ({ req, ctx }) => {
  const filter = parseInput(ZQueueFilter, Object.fromEntries(new URL(req.url).searchParams));
  return json(await listRequests({ ctx, filter }));
});

/** Creates a draft; the same clientKey returns the same request (200 instead of 201). */
export const POST = c607Route(async ({ req, ctx }) => {
  // Only the CPAS side creates (checked again in createRequest): ONEM gets 403 whatever it sent.
  if (sideOf(ctx.actor) !== "CPAS") throw forbidden();
  const created = await createRequest({
    ctx,
    input: await readBody(req, ZCreateRequest),
  });
  return json(created, created.isReplay ? 200 : 201);
});
