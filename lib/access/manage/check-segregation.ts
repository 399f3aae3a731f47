import "server-only";

import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

/**
 * Segregation of duties: a FORBID rule refuses the pair; a JUSTIFY rule allows it only with a
 * written justification, which is stored on the grant and in the audit trail. Returns the
 * justification to record (null when no rule applies).
 */
export async function checkSegregation(
  tx: Tx,
  o: { entityId: string; newRight: string; heldRights: string[]; justification: string | null },
): Promise<string | null> {
  if (!o.heldRights.length) return null;
  const rules = await tx.sodRule.findMany({
    where: {
      entityId: o.entityId,
      OR: [
        { rightA: o.newRight, rightB: { in: o.heldRights } },
        { rightB: o.newRight, rightA: { in: o.heldRights } },
      ],
    },
  });
  if (!rules.length) return null;
  const forbidden = rules.find((r) => r.mode === "FORBID");
  if (forbidden) {
    const other = forbidden.rightA === o.newRight ? forbidden.rightB : forbidden.rightA;
    throw new AppError("UNPROCESSABLE", msg("access.errors.sodForbidden", { other }), {
      rightCode: [msg("access.errors.sodForbiddenField")],
    });
  }
  const text = o.justification?.trim() ?? "";
  if (text.length < 10) {
    throw new AppError("UNPROCESSABLE", msg("access.errors.sodJustify"), {
      justification: [msg("access.errors.sodJustifyField")],
    });
  }
  return text;
}
