import { AppError } from "@/lib/errors/app-error";
import { importContracts } from "@/lib/forem/contracts/import-contracts";
import { MAX_IMPORT_BYTES } from "@/lib/forem/contracts/read-sheet";
import { defineRoute } from "@/lib/http/define-route";
import { msg } from "@/lib/i18n/message-ref";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { localize } from "@/lib/i18n/translator";
import { appResource } from "@/lib/http/resolve-resource";

// POST multipart/form-data { fichier } → the import report (JSON). All or nothing: see importContracts.
// The permission is checked before the upload is read: nothing is buffered for someone without it.
export const POST = defineRoute({
  permission: "app.agent_social",
  denied: "notFound",
  resource: ({ actor }) => appResource(actor, "app.agent_social"),
  body: { form: { maxBytes: MAX_IMPORT_BYTES + 64 * 1024, tooLarge: msg("forem.import.errors.tooLarge") } },
  handler: async ({ req, actor, meta, body }) => {
    const file = body.get("fichier");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("BAD_REQUEST", msg("forem.import.errors.chooseFile"), { fichier: [msg("forem.import.errors.chooseFile")] });
    const report = await importContracts({ actor, fileName: file.name.slice(0, 200), bytes: new Uint8Array(await file.arrayBuffer()), meta });
    // The report's reasons are catalogue references: said here in the caller's language (issue 13).
    const locale = localeOfRequest(req);
    const say = (text: string) => localize(locale, text);
    const localized = {
      ...report,
      fileError: report.fileError && say(report.fileError),
      refused: report.refused.map((r) => ({ line: r.line, reasons: r.reasons.map(say) })),
    };
    return Response.json(localized, { headers: { "Cache-Control": "no-store", "Content-Language": locale } });
  },
});
