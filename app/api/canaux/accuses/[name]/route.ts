import { z } from "zod";

import { downloadAcknowledgement, ZAcknowledgements } from "@/lib/batch/deposits";
import { defineRoute } from "@/lib/http/define-route";
import { channelResource } from "@/lib/http/resolve-resource";

export const dynamic = "force-dynamic";

// POST /api/canaux/accuses/{name}?channelId=…&environment=R|T → the acknowledgement, as a
// download. A POST: each download is audited (issue 9, finding 10).
export const POST = defineRoute({
  permission: "quality.manage_channels",
  denied: "notFound",
  params: z.object({ name: z.string().min(1).max(200) }),
  query: ZAcknowledgements,
  resource: ({ actor, query }) => channelResource(actor, query.channelId),
  handler: async ({ actor, meta, params, query }) => {
    const { name, bytes } = await downloadAcknowledgement({ actor, meta, ...query, name: params.name });
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
