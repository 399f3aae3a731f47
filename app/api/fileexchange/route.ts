import { AppError } from "@/lib/errors/app-error";
import { MAX_TRANSFER_BYTES, sendFile, ZSendFile } from "@/lib/forem/fileexchange/send-file";
import { defineRoute } from "@/lib/http/define-route";
import { msg } from "@/lib/i18n/message-ref";
import { parseInput } from "@/lib/http/parse-input";
import { appResource } from "@/lib/http/resolve-resource";

// POST multipart/form-data { destinataire, fichier, message } → sends an already-encrypted file.
// The permission is checked before the upload is read: nothing is buffered for someone without it.
export const POST = defineRoute({
  permission: "app.file_exchange",
  denied: "notFound",
  resource: ({ actor }) => appResource(actor, "app.file_exchange"),
  body: { form: { maxBytes: MAX_TRANSFER_BYTES + 64 * 1024, tooLarge: msg("forem.errors.transferTooLarge") } },
  handler: async ({ actor, meta, body }) => {
    const file = body.get("fichier");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("BAD_REQUEST", msg("forem.errors.chooseEncryptedFile"), { fichier: [msg("forem.errors.chooseEncryptedFile")] });
    const input = parseInput(ZSendFile, { toEntityId: body.get("destinataire"), fileName: file.name, note: body.get("message") ?? undefined });
    const sent = await sendFile({ actor, input, bytes: new Uint8Array(await file.arrayBuffer()), meta });
    return Response.json({ id: sent.id, fileName: sent.fileName, size: sent.size }, { status: 201 });
  },
});
