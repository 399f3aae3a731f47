import { requireActor } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors/app-error";
import { importContracts } from "@/lib/forem/contracts/import-contracts";
import { MAX_IMPORT_BYTES } from "@/lib/forem/contracts/read-sheet";
import { assertForemAccess } from "@/lib/forem/access";
import { readLimitedFormData } from "@/lib/forem/read-limited-form";
import { metaFromHeaders } from "@/lib/http/request-context";
import { routeHandler } from "@/lib/http/route-handler";

// POST multipart/form-data { fichier } → the import report (JSON). All or nothing: see importContracts.
export const POST = routeHandler(async (req: Request) => {
  const actor = await requireActor();
  assertForemAccess(actor); // before reading the upload: no body is buffered for someone without the right
  const form = await readLimitedFormData(req, {
    maxBytes: MAX_IMPORT_BYTES + 64 * 1024,
    tooLarge: "Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers.",
  });
  const file = form.get("fichier");
  if (!(file instanceof File) || file.size === 0)
    throw new AppError("BAD_REQUEST", "Choisissez un fichier .xlsx ou .csv.", { fichier: ["Choisissez un fichier .xlsx ou .csv."] });
  const report = await importContracts({
    actor,
    fileName: file.name.slice(0, 200),
    bytes: new Uint8Array(await file.arrayBuffer()),
    meta: metaFromHeaders(req.headers),
  });
  return Response.json(report, { headers: { "Cache-Control": "no-store" } });
});
