import { requireActor } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors/app-error";
import { MAX_TRANSFER_BYTES, sendFile, ZSendFile } from "@/lib/forem/fileexchange/send-file";
import { assertFileExchangeAccess } from "@/lib/forem/access";
import { readLimitedFormData } from "@/lib/forem/read-limited-form";
import { metaFromHeaders } from "@/lib/http/request-context";
import { routeHandler } from "@/lib/http/route-handler";
import { parseInput } from "@/lib/http/server-action";

// POST multipart/form-data { destinataire, fichier, message } → sends an already-encrypted file.
export const POST = routeHandler(async (req: Request) => {
  const actor = await requireActor();
  assertFileExchangeAccess(actor); // before reading the upload: no body is buffered for someone without the right
  const form = await readLimitedFormData(req, { maxBytes: MAX_TRANSFER_BYTES + 64 * 1024, tooLarge: "Le fichier dépasse 20 Mo." });
  const file = form.get("fichier");
  if (!(file instanceof File) || file.size === 0)
    throw new AppError("BAD_REQUEST", "Choisissez le fichier chiffré à envoyer.", { fichier: ["Choisissez le fichier chiffré à envoyer."] });
  const input = parseInput(ZSendFile, { toEntityId: form.get("destinataire"), fileName: file.name, note: form.get("message") ?? undefined });
  const sent = await sendFile({ actor, input, bytes: new Uint8Array(await file.arrayBuffer()), meta: metaFromHeaders(req.headers) });
  return Response.json({ id: sent.id, fileName: sent.fileName, size: sent.size }, { status: 201 });
});
