import "server-only";

import { cache } from "react";

import { chainKeyOf } from "@/lib/audit/chain-key";
import { verifyChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db/client";

/**
 * The actor's own centre's audit chain (each centre has its own since issue 9), walked once per
 * request at most. Another centre's chain — its count or the id of a broken event — is never shown
 * here: `npm run audit:verify` checks every chain for the portal's administrator.
 */
export const getChainStatus = cache((entityId: string) => verifyChain(db, chainKeyOf(entityId)));
