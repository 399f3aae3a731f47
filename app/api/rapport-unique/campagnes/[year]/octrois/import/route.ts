import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { MAX_IMPORT_BYTES } from "@/lib/forem/contracts/read-sheet";
import { defineRoute } from "@/lib/http/define-route";
import { msg } from "@/lib/i18n/message-ref";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { localize } from "@/lib/i18n/translator";
import { entityResource } from "@/lib/http/resolve-resource";
import { importGrants } from "@/lib/rapport-unique/grants-import";

export const dynamic = "force-dynamic";

// POST multipart/form-data { fichier } → the row-by-row report (JSON); all or nothing.
export const POST = defineRoute({
  permission: "app.rapport_unique.sppis",
  denied: "notFound",
  params: z.object({ year: z.coerce.number().int().min(2020).max(2100) }),
  resource: ({ actor }) => entityResource(actor),
  body: { form: { maxBytes: MAX_IMPORT_BYTES + 64 * 1024, tooLarge: msg("ru.errors.tooLarge") } },
  handler: async ({ req, actor, meta, params, body }) => {
    const file = body.get("fichier");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("BAD_REQUEST", msg("ru.errors.chooseGrantsFile"), { fichier: [msg("ru.errors.chooseFileField")] });
    const r = await importGrants({
      ctx: { actor, meta },
      input: { year: params.year, fileName: file.name.slice(0, 200), bytes: new Uint8Array(await file.arrayBuffer()) },
    });
    // The row details are catalogue references: answered in the caller's language.
    const locale = localeOfRequest(req);
    const report = r.report.map((row) => ({ ...row, detail: localize(locale, row.detail) }));
    return Response.json({ ...r, report }, { headers: { "Cache-Control": "no-store", "Content-Language": locale } });
  },
});
