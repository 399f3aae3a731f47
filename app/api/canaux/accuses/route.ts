import { requireActor } from "@/lib/auth/get-actor";
import { mayOpenChannels } from "@/lib/batch/access";
import { listAcknowledgements, ZAcknowledgements } from "@/lib/batch/deposits";
import { notFound } from "@/lib/errors/app-error";
import { routeHandler } from "@/lib/http/route-handler";
import { parseInput } from "@/lib/http/server-action";

export const dynamic = "force-dynamic";

// GET ?channelId=…&environment=R|T → this sender's acknowledgements in OUT (or OUTTEST), newest first.
export const GET = routeHandler(async (req: Request) => {
  const actor = await requireActor();
  if (!mayOpenChannels(actor)) throw notFound(); // like the page; the domain checks the channel's quality
  const query = new URL(req.url).searchParams;
  const input = parseInput(ZAcknowledgements, { channelId: query.get("channelId"), environment: query.get("environment") });
  const files = await listAcknowledgements({ actor, ...input });
  return Response.json({ files }, { headers: { "Cache-Control": "private, no-store" } });
});
