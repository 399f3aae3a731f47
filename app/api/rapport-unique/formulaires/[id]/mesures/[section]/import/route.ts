import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { MAX_IMPORT_BYTES } from "@/lib/forem/contracts/read-sheet";
import { defineRoute } from "@/lib/http/define-route";
import { msg } from "@/lib/i18n/message-ref";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { translatorFor } from "@/lib/i18n/translator";
import { ZId } from "@/lib/http/parse-id";
import { ruFormResource } from "@/lib/rapport-unique/queries";
import { importMeasure } from "@/lib/rapport-unique/spreadsheet";

export const dynamic = "force-dynamic";

// POST multipart/form-data { fichier, version } → the measure justified by the spreadsheet (JSON:
// the new version and the form's check), all or nothing. The permission and the form are checked
// before the upload is read; the body is bounded while it streams.
export const POST = defineRoute({
  permission: "app.rapport_unique.encode",
  denied: "notFound",
  params: z.object({ id: ZId, section: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/) }),
  resource: ({ actor, params }) => ruFormResource(actor, params.id),
  body: { form: { maxBytes: MAX_IMPORT_BYTES + 64 * 1024, tooLarge: msg("ru.errors.tooLarge") } },
  handler: async ({ req, actor, meta, params, body }) => {
    const file = body.get("fichier");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("BAD_REQUEST", msg("ru.errors.chooseFile"), { fichier: [msg("ru.errors.chooseFileField")] });
    const version = Number(body.get("version"));
    if (!Number.isInteger(version) || version < 1) throw new AppError("BAD_REQUEST", msg("ru.errors.versionMissing"));
    const r = await importMeasure({
      ctx: { actor, meta },
      input: { formId: params.id, version, section: params.section, fileName: file.name.slice(0, 200), bytes: new Uint8Array(await file.arrayBuffer()) },
    });
    return Response.json(
      {
        version: r.version,
        problems: r.check.problems.length,
        message: translatorFor(localeOfRequest(req))("ru.measureImport.result", { problems: r.check.problems.length }),
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
});
