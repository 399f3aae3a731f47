import { requireActor } from "@/lib/auth/get-actor";
import { metaFromHeaders } from "@/lib/http/request-context";
import { routeHandler } from "@/lib/http/route-handler";
import { parseInput } from "@/lib/http/server-action";
import { assertSecurityLogAccess } from "@/lib/security-log/access";
import { exportSecurityLog, toByteStream } from "@/lib/security-log/export-security-log";
import { ZSecurityLogFilters } from "@/lib/security-log/filters";

export const dynamic = "force-dynamic";

// GET /api/security-log/export?q=&du=AAAA-MM-JJ&au=AAAA-MM-JJ&type= → the centre's security log as CSV.
// Same filters and the same check as /securite (exportSecurityLog refuses with 404 otherwise).
export const GET = routeHandler(async (req: Request) => {
  const actor = await requireActor();
  assertSecurityLogAccess(actor); // before reading the input: no hint of the export to others
  const url = new URL(req.url);
  const filters = parseInput(ZSecurityLogFilters, {
    q: url.searchParams.get("q") ?? undefined,
    du: url.searchParams.get("du") ?? undefined,
    au: url.searchParams.get("au") ?? undefined,
    type: url.searchParams.get("type") ?? undefined,
  });
  const file = await exportSecurityLog({ actor, filters, meta: metaFromHeaders(req.headers) });
  return new Response(toByteStream(file.lines), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
