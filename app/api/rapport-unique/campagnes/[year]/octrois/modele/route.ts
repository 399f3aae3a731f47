import { z } from "zod";

import { defineRoute } from "@/lib/http/define-route";
import { entityResource } from "@/lib/http/resolve-resource";
import { grantsTemplate } from "@/lib/rapport-unique/grants-import";

export const dynamic = "force-dynamic";

// POST /api/rapport-unique/campagnes/:year/octrois/modele → the SPP IS's template of amounts granted.
export const POST = defineRoute({
  permission: "app.rapport_unique.sppis",
  denied: "notFound",
  params: z.object({ year: z.coerce.number().int().min(2020).max(2100) }),
  resource: ({ actor }) => entityResource(actor),
  handler: async ({ actor, meta, params }) => {
    const file = await grantsTemplate({ actor, meta }, params.year);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  },
});
