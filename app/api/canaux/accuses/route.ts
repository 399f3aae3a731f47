import { listAcknowledgements, ZAcknowledgements } from "@/lib/batch/deposits";
import { defineRoute } from "@/lib/http/define-route";
import { channelResource } from "@/lib/http/resolve-resource";

export const dynamic = "force-dynamic";

// GET ?channelId=…&environment=R|T → this sender's acknowledgements in OUT (or OUTTEST), newest
// first. Reading a list changes nothing; downloading one is a POST (accuses/[name]).
export const GET = defineRoute({
  permission: "quality.manage_channels",
  denied: "notFound",
  query: ZAcknowledgements,
  resource: ({ actor, query }) => channelResource(actor, query.channelId),
  handler: async ({ actor, query }) => {
    const files = await listAcknowledgements({ actor, ...query });
    return Response.json({ files }, { headers: { "Cache-Control": "private, no-store" } });
  },
});
