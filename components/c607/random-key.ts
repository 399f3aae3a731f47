/** Idempotency key of a create or copy: one per click-intent; a retry of the same call reuses it. */
export const randomKey = () => crypto.randomUUID();
