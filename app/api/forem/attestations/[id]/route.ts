import { requireActor } from "@/lib/auth/get-actor";
import { getAttestationPdf } from "@/lib/forem/attestations/get-attestation-pdf";
import { metaFromHeaders } from "@/lib/http/request-context";
import { routeHandler } from "@/lib/http/route-handler";

// GET /api/forem/attestations/:id → the attestation's PDF (404 for another centre's id).
export const GET = routeHandler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await ctx.params;
  const pdf = await getAttestationPdf({ actor, id, meta: metaFromHeaders(req.headers) });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${pdf.fileName}"`, "Cache-Control": "no-store" },
  });
});
