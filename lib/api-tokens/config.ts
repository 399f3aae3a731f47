// Limits of personal API tokens, in one place (docs/c607.md, "Jetons d'API").

/** Active tokens per person: one per script or server is plenty; more is a sign of leaks. */
export const MAX_ACTIVE_TOKENS = 10;

/** lastUsedAt is written at most once per this many milliseconds per token (one write, not one per call). */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Marks an actor loaded from a token (Actor.sessionId = `api-token:<id>`, lib/auth/get-actor.ts). */
export const TOKEN_SESSION_PREFIX = "api-token:";
