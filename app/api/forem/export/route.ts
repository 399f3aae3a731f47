import { buildForemFile } from "@/lib/forem/export/build-forem-file";
import { ZPeriod } from "@/lib/forem/export/period-schema";
import { AppError } from "@/lib/errors/app-error";
import { defineRoute } from "@/lib/http/define-route";
import { msg } from "@/lib/i18n/message-ref";
import { appResource } from "@/lib/http/resolve-resource";
import { z } from "zod";

export const dynamic = "force-dynamic";

// POST /api/forem/export (form fields du=YYYY-MM-DD, au=YYYY-MM-DD) → the FOREM workbook of that
// period. A POST, never a GET: each export is written to the audit trail (issue 9, finding 10).
export const POST = defineRoute({
  permission: "app.agent_social",
  denied: "notFound",
  resource: ({ actor }) => appResource(actor, "app.agent_social"),
  body: { fields: z.object({ du: z.string().optional(), au: z.string().optional() }) },
  handler: async ({ actor, meta, body }) => {
    const period = ZPeriod.safeParse({ from: body.du, to: body.au });
    if (!period.success) throw new AppError("BAD_REQUEST", msg("forem.errors.invalidPeriod"));
    const file = await buildForemFile({ actor, period: period.data, meta });
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
        "X-Row-Count": String(file.rowCount),
        "X-Content-Sha256": file.sha256,
      },
    });
  },
});
