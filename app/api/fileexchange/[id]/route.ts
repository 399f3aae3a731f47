import { requireActor } from "@/lib/auth/get-actor";
import { downloadFile } from "@/lib/forem/fileexchange/download-file";
import { metaFromHeaders } from "@/lib/http/request-context";
import { routeHandler } from "@/lib/http/route-handler";

// GET /api/fileexchange/:id → the ciphertext, for the sending or the receiving centre only.
export const GET = routeHandler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await ctx.params;
  const file = await downloadFile({ actor, id, meta: metaFromHeaders(req.headers) });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
