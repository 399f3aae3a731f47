import { requireActor } from "@/lib/auth/get-actor";
import { buildForemFile } from "@/lib/forem/export/build-forem-file";
import { ZPeriod } from "@/lib/forem/export/period-schema";
import { metaFromHeaders } from "@/lib/http/request-context";
import { routeHandler } from "@/lib/http/route-handler";
import { parseInput } from "@/lib/http/server-action";

// GET /api/forem/export?du=YYYY-MM-DD&au=YYYY-MM-DD → the FOREM workbook of that period.
export const GET = routeHandler(async (req: Request) => {
  const actor = await requireActor();
  const url = new URL(req.url);
  const period = parseInput(ZPeriod, { from: url.searchParams.get("du") ?? undefined, to: url.searchParams.get("au") ?? undefined });
  const file = await buildForemFile({ actor, period, meta: metaFromHeaders(req.headers) });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Row-Count": String(file.rowCount),
      "X-Content-Sha256": file.sha256,
    },
  });
});
