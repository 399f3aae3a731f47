import { requireActor } from "@/lib/auth/get-actor";
import { mayOpenChannels } from "@/lib/batch/access";
import { downloadAcknowledgement, ZAcknowledgements } from "@/lib/batch/deposits";
import { metaFromHeaders } from "@/lib/http/request-context";
import { notFound } from "@/lib/errors/app-error";
import { routeHandler } from "@/lib/http/route-handler";
import { parseInput } from "@/lib/http/server-action";

export const dynamic = "force-dynamic";

// GET /api/canaux/accuses/{name}?channelId=…&environment=R|T → the acknowledgement, as a download (audited).
export const GET = routeHandler<{ params: Promise<{ name: string }> }>(async (req, { params }) => {
  const actor = await requireActor();
  if (!mayOpenChannels(actor)) throw notFound(); // like the page; the domain checks the channel's quality
  const query = new URL(req.url).searchParams;
  const input = parseInput(ZAcknowledgements, { channelId: query.get("channelId"), environment: query.get("environment") });
  const { name, bytes } = await downloadAcknowledgement({ actor, meta: metaFromHeaders(req.headers), ...input, name: (await params).name });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
