import { z } from "zod";

import { defineRoute } from "@/lib/http/define-route";
import { ZId } from "@/lib/http/parse-id";
import { ruFormResource } from "@/lib/rapport-unique/queries";
import { measureTemplate } from "@/lib/rapport-unique/spreadsheet";

export const dynamic = "force-dynamic";

// POST /api/rapport-unique/formulaires/:id/mesures/:section/modele → the measure's spreadsheet
// template (.xlsx), for the member who encodes the form (404 for anyone else).
export const POST = defineRoute({
  permission: "app.rapport_unique.encode",
  denied: "notFound",
  params: z.object({ id: ZId, section: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/) }),
  resource: ({ actor, params }) => ruFormResource(actor, params.id),
  handler: async ({ actor, meta, params }) => {
    const file = await measureTemplate({ actor, meta }, { formId: params.id, section: params.section });
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  },
});
