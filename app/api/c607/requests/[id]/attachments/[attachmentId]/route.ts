import { C607_API, C607_SIDES, c607Context, json, requestResource, ZAttachmentPath } from "@/lib/c607/api/c607-route";
import { getAttachment, removeAttachment } from "@/lib/c607/requests";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

/** Downloads an attachment (always as a download, with the type detected at upload). */
export const GET = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZAttachmentPath,
  resource: requestResource,
  handler: async ({ actor, meta, params }) => {
    const a = await getAttachment({ ctx: c607Context(actor, meta), id: params.id, attachmentId: params.attachmentId });
    return new Response(new Uint8Array(a.content), {
      headers: {
        "Content-Type": a.mimeType,
        "Content-Length": String(a.size),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});

/** CPAS: takes back a file ONEM has not received yet (draft, or added since the complement request). */
export const DELETE = defineRoute({
  ...C607_API,
  permission: C607_SIDES,
  params: ZAttachmentPath,
  resource: requestResource,
  handler: async ({ actor, meta, params }) => json(await removeAttachment({ ctx: c607Context(actor, meta), id: params.id, attachmentId: params.attachmentId })),
});
