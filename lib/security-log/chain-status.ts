import "server-only";

import { cache } from "react";

import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db/client";

/**
 * The whole portal's audit chain, walked once per request at most (it reads every event). The
 * chain is portal-wide: the count covers all centres, the broken event may belong to any.
 */
export const getChainStatus = cache(() => verifyAuditChain(db));
