import { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { defineRoute } from "@/lib/http/define-route";
import { fieldErrorsOf } from "@/lib/http/parse-input";
import { msg } from "@/lib/i18n/message-ref";
import { appResource } from "@/lib/http/resolve-resource";
import { exportSecurityLog, toByteStream } from "@/lib/security-log/export-security-log";
import { ZSecurityLogFilters } from "@/lib/security-log/filters";

export const dynamic = "force-dynamic";

// POST /api/security-log/export (form fields q, du=AAAA-MM-JJ, au=AAAA-MM-JJ, type) → the centre's
// security log as CSV. A POST: the export is audited (issue 9, finding 10), and the filters (a
// searched name) stay out of URLs. The same filters and check as /securite; others get 404.
export const POST = defineRoute({
  permission: "app.security_log",
  denied: "notFound",
  resource: ({ actor }) => appResource(actor, "app.security_log"),
  body: { fields: z.object({ q: z.string().optional(), du: z.string().optional(), au: z.string().optional(), type: z.string().optional() }) },
  handler: async ({ actor, meta, body }) => {
    const filters = ZSecurityLogFilters.safeParse(Object.fromEntries(Object.entries(body).filter(([, v]) => v !== "")));
    if (!filters.success) throw new AppError("BAD_REQUEST", msg("securityLog.errors.invalidFilters"), fieldErrorsOf(filters.error.issues));
    const file = await exportSecurityLog({ actor, filters: filters.data, meta });
    return new Response(toByteStream(file.lines), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
});
