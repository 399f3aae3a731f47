// Which chain an event joins (docs/security.md, "Audit"). One chain per centre: centres never wait
// for each other's writers, and a centre's trail verifies on its own.

/** Events about no centre: e.g. a sign-in failure for an identifier that names no account. */
export const GLOBAL_CHAIN = "global";
/** The single portal-wide chain written before per-centre chains; closed, verified as it was. */
export const LEGACY_CHAIN = "legacy";

export function chainKeyOf(entityId: string | null): string {
  return entityId ?? GLOBAL_CHAIN;
}
