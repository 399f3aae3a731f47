import { z } from "zod";

import { defineRoute } from "@/lib/http/define-route";
import { ZId } from "@/lib/http/parse-id";
import { signedFormPdf } from "@/lib/rapport-unique/documents";
import { ruFormResource } from "@/lib/rapport-unique/queries";

export const dynamic = "force-dynamic";

// POST /api/rapport-unique/formulaires/:id/pdf → the signed form as a PDF (the centre's three roles
// for their own forms; the SPP IS for sent forms; 404 for anything else). A POST: audited download.
export const POST = defineRoute({
  permission: ["app.rapport_unique", "app.rapport_unique.sppis"],
  denied: "notFound",
  params: z.object({ id: ZId }),
  resource: ({ actor, params }) => ruFormResource(actor, params.id),
  handler: async ({ actor, meta, params }) => {
    const pdf = await signedFormPdf({ actor, meta }, params.id);
    return new Response(new Uint8Array(pdf.bytes), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${pdf.fileName}"`, "Cache-Control": "no-store" },
    });
  },
});
