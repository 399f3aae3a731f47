import { db } from "@/lib/db/client";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers. Public by design; says nothing else. */
export const GET = defineRoute({
  permission: "public",
  handler: async () => {
    try {
      await db.$queryRaw`SELECT 1`;
      return Response.json({ statut: "ok" });
    } catch {
      return Response.json({ statut: "base de données indisponible" }, { status: 503 });
    }
  },
});
