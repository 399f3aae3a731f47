import "server-only";

import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

/**
 * One request at a time per contract: the contract's terms live on the shared Contract row, so a
 * second open request could change what ONEM is calculating. `exceptId`: the request itself.
 */
export async function assertNoOpenRequest(tx: Tx, o: { contractId: string; exceptId?: string }): Promise<void> {
  const open = await tx.c607Request.findFirst({
    where: {
      contractId: o.contractId,
      status: { in: ["DRAFT", "SENT", "IN_PROGRESS", "COMPLEMENT_REQUESTED"] },
      ...(o.exceptId ? { NOT: { id: o.exceptId } } : {}),
    },
    select: { reference: true },
  });
  if (open) throw new AppError("CONFLICT", msg("c607.errors.openRequestExists", { reference: open.reference }));
}
