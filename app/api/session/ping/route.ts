import { requireActor } from "@/lib/auth/get-actor";
import { routeHandler } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

/** Activity signal from the idle watcher: reading the actor touches the session. */
export const POST = routeHandler(async () => {
  await requireActor();
  return Response.json({ statut: "ok" });
});
