import "server-only";

import { cache } from "react";

import { verifyChainIncrementally } from "@/lib/audit/chain-checkpoint";
import { chainKeyOf } from "@/lib/audit/chain-key";
import { db } from "@/lib/db/client";

/**
 * The actor's own centre's audit chain (each centre has its own since issue 9), verified once per
 * request at most, from the point where the last full verification left it (issue 15,
 * lib/audit/chain-checkpoint.ts). Another centre's chain — its count or the id of a broken event — is never shown
 * here: `npm run audit:verify` checks every chain for the portal's administrator.
 */
export const getChainStatus = cache((entityId: string) => verifyChainIncrementally(db, chainKeyOf(entityId)));
