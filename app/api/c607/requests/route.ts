import { C607_API, C607_SIDES, c607Context, json, sideResource } from "@/lib/c607/api/c607-route";
import { createRequest, listRequests, sideOf } from "@/lib/c607/requests";
import { ZCreateRequest, ZQueueFilter } from "@/lib/c607/requests/schemas";
import { forbidden } from "@/lib/errors/app-error";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** CPAS: its centre's requests. ONEM: the queue of every centre (filters: status, entityId, deadline, page). */
export const GET = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  query: ZQueueFilter,
  resource: sideResource,
  handler: async ({ actor, meta, query }) => json(await listRequests({ ctx: c607Context(actor, meta), filter: query })),
});

/** Creates a draft; the same clientKey returns the same request (200 instead of 201). */
export const POST = defineRoute({
  ...C607_API,
  // Only the CPAS side creates (checked again in createRequest): ONEM gets 403 whatever it sent.
  gate: (actor) => {
    if (sideOf(actor) !== "CPAS") throw forbidden();
  },
  permission: "app.c607",
  resource: sideResource,
  body: { json: ZCreateRequest },
  handler: async ({ actor, meta, body }) => {
    const created = await createRequest({ ctx: c607Context(actor, meta), input: body });
    return json(created, created.isReplay ? 200 : 201);
  },
});
