import { buildOpenApiDocument } from "@/lib/c607/api/openapi";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** OpenAPI 3.1 description of /api/c607, for signed-in users (documentation, no data). */
export const GET = defineRoute({
  permission: "signedIn",
  handler: async () => Response.json(buildOpenApiDocument()),
});
