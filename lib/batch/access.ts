import type { Actor } from "@/lib/access/actor";

import { CHANNEL_QUALITY } from "./services";

/**
 * Whether to show the batch-channel area (navigation, page): holders of « Gestion des canaux
 * techniques », and the GL/co-GL of an « Employeur ONSS » quality (seed 004). Showing is
 * convenience: every command loads the quality and checks quality.manage_channels on it.
 */
export function mayOpenChannels(actor: Actor): boolean {
  return (
    actor.entityKind === "CPAS" &&
    (actor.rights.some((r) => r.code === "GESTION_CANAUX_TECHNIQUES") ||
      actor.roles.some((r) => (r.role === "GL" || r.role === "CO_GL") && r.qualityType === CHANNEL_QUALITY))
  );
}
