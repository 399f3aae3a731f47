import { z } from "zod";

import { downloadFile } from "@/lib/forem/fileexchange/download-file";
import { defineRoute } from "@/lib/http/define-route";
import { ZId } from "@/lib/http/parse-id";
import { fileTransferResource } from "@/lib/http/resolve-resource";

// POST /api/fileexchange/:id → the ciphertext, for the sending or the receiving centre only. A POST:
// the download is audited and marks the file as collected (issue 9, finding 10).
export const POST = defineRoute({
  permission: "app.file_exchange",
  denied: "notFound",
  params: z.object({ id: ZId }),
  resource: ({ actor, params }) => fileTransferResource(actor, params.id),
  handler: async ({ actor, meta, params }) => {
    const file = await downloadFile({ actor, id: params.id, meta });
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
