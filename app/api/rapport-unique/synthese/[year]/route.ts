import { z } from "zod";

import { defineRoute } from "@/lib/http/define-route";
import { appResource } from "@/lib/http/resolve-resource";
import { yearlySummaryPdf } from "@/lib/rapport-unique/documents";

export const dynamic = "force-dynamic";

// POST /api/rapport-unique/synthese/:year → the centre's yearly summary (PDF), for its three
// Rapport unique roles. A POST: audited download.
export const POST = defineRoute({
  permission: "app.rapport_unique",
  denied: "notFound",
  params: z.object({ year: z.coerce.number().int().min(2020).max(2100) }),
  resource: ({ actor }) => appResource(actor, "app.rapport_unique"),
  handler: async ({ actor, meta, params }) => {
    const pdf = await yearlySummaryPdf({ actor, meta }, params.year);
    return new Response(new Uint8Array(pdf.bytes), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${pdf.fileName}"`, "Cache-Control": "no-store" },
    });
  },
});
