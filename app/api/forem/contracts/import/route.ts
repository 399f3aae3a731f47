import { AppError } from "@/lib/errors/app-error";
import { importContracts } from "@/lib/forem/contracts/import-contracts";
import { MAX_IMPORT_BYTES } from "@/lib/forem/contracts/read-sheet";
import { defineRoute } from "@/lib/http/define-route";
import { appResource } from "@/lib/http/resolve-resource";

// POST multipart/form-data { fichier } → the import report (JSON). All or nothing: see importContracts.
// The permission is checked before the upload is read: nothing is buffered for someone without it.
export const POST = defineRoute({
  permission: "app.agent_social",
  denied: "notFound",
  resource: ({ actor }) => appResource(actor, "app.agent_social"),
  body: { form: { maxBytes: MAX_IMPORT_BYTES + 64 * 1024, tooLarge: "Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers." } },
  handler: async ({ actor, meta, body }) => {
    const file = body.get("fichier");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("BAD_REQUEST", "Choisissez un fichier .xlsx ou .csv.", { fichier: ["Choisissez un fichier .xlsx ou .csv."] });
    const report = await importContracts({ actor, fileName: file.name.slice(0, 200), bytes: new Uint8Array(await file.arrayBuffer()), meta });
    return Response.json(report, { headers: { "Cache-Control": "no-store" } });
  },
});
