import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** Activity signal from the idle watcher: loading the actor (defineRoute does it) touches the session. */
export const POST = defineRoute({
  permission: "signedIn",
  handler: async () => Response.json({ statut: "ok" }),
});
