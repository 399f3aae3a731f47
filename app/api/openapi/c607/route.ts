import { buildOpenApiDocument } from "@/lib/c607/api/openapi";
import { requireActor } from "@/lib/auth/get-actor";
import { routeHandler } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

/** OpenAPI 3.1 description of /api/c607, for signed-in users. */
export const GET = routeHandler(async () => {
  await requireActor();
  return Response.json(buildOpenApiDocument());
});
