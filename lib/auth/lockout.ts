// Temporary, growing lockout: after `maxFailures` consecutive failures the account is locked for
// base × 2^level seconds (level grows with each lockout, capped at 24 h) and the counter restarts.
// A full successful sign-in resets both. When a lock starts, every way in of the person stops with
// it: sessions, open challenges, invitations, API tokens (sign-in/register-failure.ts).

/** Why sessions, challenges and API tokens stopped when a lock started (stop-all-access.ts). */
export const LOCKED_REASON = "compte verrouillé";

export type LockoutState = { failedLogins: number; lockoutLevel: number; lockedUntil: Date | null };

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

export function afterFailure(state: LockoutState, opts: { now: Date; maxFailures: number; baseSeconds: number }): LockoutState & { justLocked: boolean } {
  const failedLogins = state.failedLogins + 1;
  if (failedLogins < opts.maxFailures) return { ...state, failedLogins, justLocked: false };
  const seconds = Math.min(opts.baseSeconds * 2 ** state.lockoutLevel, 24 * 3600);
  return {
    failedLogins: 0,
    lockoutLevel: state.lockoutLevel + 1,
    lockedUntil: new Date(opts.now.getTime() + seconds * 1000),
    justLocked: true,
  };
}
