import { C607_API, C607_SIDES, c607Context, json, requestResource, ZRequestPath } from "@/lib/c607/api/c607-route";
import { addAttachment } from "@/lib/c607/requests";
import { MAX_ATTACHMENT_BYTES } from "@/lib/c607/requests/detect-file-type";
import { AppError } from "@/lib/errors/app-error";
import { defineRoute } from "@/lib/http/define-route";
import { msg } from "@/lib/i18n/message-ref";

export const dynamic = "force-dynamic";

/**
 * CPAS: multipart/form-data with one field "file" (PDF, PNG or JPEG, 5 MB at most, checked from the
 * content). The body is bounded while it streams, chunked or not (lib/http/read-body.ts).
 */
export const POST = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZRequestPath,
  resource: requestResource,
  body: { form: { maxBytes: MAX_ATTACHMENT_BYTES + 64 * 1024, tooLarge: msg("c607.errors.attachmentTooLarge") } },
  handler: async ({ actor, meta, params, body }) => {
    const file = body.get("file");
    if (!(file instanceof File)) throw new AppError("BAD_REQUEST", msg("c607.errors.fileFieldMissing"), { file: [msg("c607.errors.chooseFile")] });
    const result = await addAttachment({
      ctx: c607Context(actor, meta),
      id: params.id,
      fileName: file.name,
      content: new Uint8Array(await file.arrayBuffer()),
    });
    return json(result, 201);
  },
});
