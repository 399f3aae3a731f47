import type { Actor } from "@/lib/access/actor";
import { canAnywhere } from "@/lib/access/can";

/**
 * Whether to show the batch-channel area (navigation, page): holders of « Gestion des canaux
 * techniques » under an « Employeur ONSS » quality, and the GL/co-GL of such a quality (seed 004).
 * The same permission as every command (quality.manage_channels), so a right granted under another
 * quality shows no menu entry. Showing is convenience: every command loads the quality and checks again.
 */
export function mayOpenChannels(actor: Actor): boolean {
  return actor.entityKind === "CPAS" && canAnywhere(actor, "quality.manage_channels");
}
