import { c607Route, json } from "@/lib/c607/api/c607-route";
import { getAttachment, removeAttachment } from "@/lib/c607/requests";

export const dynamic = "force-dynamic";

/** Downloads an attachment (always as a download, with the type detected at upload). */
export const GET = c607Route<{ id: string; attachmentId: string }>(async ({ ctx, params }) => {
  const a = await getAttachment({
    ctx,
    id: params.id,
    attachmentId: params.attachmentId,
  });
  return new Response(new Uint8Array(a.content), {
    headers: {
      "Content-Type": a.mimeType,
      "Content-Length": String(a.size),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
});

/** CPAS: takes back a file ONEM has not received yet (draft, or added since the complement request). */
export const DELETE = c607Route<{ id: string; attachmentId: string }>(async ({ ctx, params }) =>
  json(await removeAttachment({ ctx, id: params.id, attachmentId: params.attachmentId })),
);
