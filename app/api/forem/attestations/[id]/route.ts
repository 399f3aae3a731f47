import { z } from "zod";

import { getAttestationPdf } from "@/lib/forem/attestations/get-attestation-pdf";
import { defineRoute } from "@/lib/http/define-route";
import { ZId } from "@/lib/http/parse-id";
import { foremRowResource } from "@/lib/http/resolve-resource";

export const dynamic = "force-dynamic";

// POST /api/forem/attestations/:id → the attestation's PDF (404 for another centre's id or a
// non-UUID). A POST: each download of a document with a national number is audited (finding 10).
export const POST = defineRoute({
  permission: "app.agent_social",
  denied: "notFound",
  params: z.object({ id: ZId }),
  resource: ({ actor, params }) => foremRowResource(actor, "attestation", params.id),
  handler: async ({ actor, meta, params }) => {
    const pdf = await getAttestationPdf({ actor, id: params.id, meta });
    return new Response(new Uint8Array(pdf.bytes), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${pdf.fileName}"`, "Cache-Control": "no-store" },
    });
  },
});
