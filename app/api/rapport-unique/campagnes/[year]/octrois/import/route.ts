import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { MAX_IMPORT_BYTES } from "@/lib/forem/contracts/read-sheet";
import { defineRoute } from "@/lib/http/define-route";
import { entityResource } from "@/lib/http/resolve-resource";
import { importGrants } from "@/lib/rapport-unique/grants-import";

export const dynamic = "force-dynamic";

// POST multipart/form-data { fichier } → the row-by-row report (JSON); all or nothing.
export const POST = defineRoute({
  permission: "app.rapport_unique.sppis",
  denied: "notFound",
  params: z.object({ year: z.coerce.number().int().min(2020).max(2100) }),
  resource: ({ actor }) => entityResource(actor),
  body: { form: { maxBytes: MAX_IMPORT_BYTES + 64 * 1024, tooLarge: "Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers." } },
  handler: async ({ actor, meta, params, body }) => {
    const file = body.get("fichier");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("BAD_REQUEST", "Choisissez le fichier des montants octroyés (.xlsx ou .csv).", { fichier: ["Choisissez un fichier."] });
    const r = await importGrants({
      ctx: { actor, meta },
      input: { year: params.year, fileName: file.name.slice(0, 200), bytes: new Uint8Array(await file.arrayBuffer()) },
    });
    return Response.json(r, { headers: { "Cache-Control": "no-store" } });
  },
});
