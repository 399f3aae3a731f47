import { c607Route, json } from "@/lib/c607/api/c607-route";
import { addAttachment } from "@/lib/c607/requests";
import { MAX_ATTACHMENT_BYTES } from "@/lib/c607/requests/detect-file-type";
import { AppError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** CPAS: multipart/form-data with one field "file" (PDF, PNG or JPEG, 5 MB at most, checked from the content). */
export const POST = c607Route<{ id: string }>(async ({ req, ctx, params }) => {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_ATTACHMENT_BYTES + 64 * 1024) {
    throw new AppError("PAYLOAD_TOO_LARGE", "Le fichier dépasse 5 Mo.", {
      file: ["5 Mo au maximum."],
    });
  }
  const form = await req.formData().catch(() => {
    throw new AppError("BAD_REQUEST", "Envoyez le fichier en multipart/form-data, champ « file ».");
  });
  const file = form.get("file");
  if (!(file instanceof File))
    throw new AppError("BAD_REQUEST", "Champ « file » manquant.", {
      file: ["Choisissez un fichier."],
    });
  const result = await addAttachment({
    ctx,
    id: params.id,
    fileName: file.name,
    content: new Uint8Array(await file.arrayBuffer()),
  });
  return json(result, 201);
});
