import type { Actor } from "./actor";
import { mayOpenChannels } from "@/lib/batch/access";

import { canAnywhere } from "./can";

// The portal's main navigation: each entry shows only to those the permission table lets in.
// Showing a link is convenience; every page checks again on its own.
export const NAV_ITEMS: { href: string; label: string; isVisible: (a: Actor) => boolean }[] = [
  { href: "/tableau-de-bord", label: "Tableau de bord", isVisible: () => true },
  {
    href: "/gestion",
    label: "Gestion des accès",
    isVisible: (a) => canAnywhere(a, "entity.view") || a.isDpd || a.roles.some((r) => r.qualityId && r.role !== "TECHNICAL_USER"),
  },
  { href: "/c607", label: "Demandes C60.7", isVisible: (a) => a.entityKind === "CPAS" && canAnywhere(a, "app.c607") },
  { href: "/onem", label: "File ONEM", isVisible: (a) => canAnywhere(a, "app.c607.onem") },
  {
    href: "/messages",
    label: "Messages",
    isVisible: (a) => a.entityKind === "CPAS" && (canAnywhere(a, "app.c607") || canAnywhere(a, "app.rapport_unique")),
  },
  { href: "/forem", label: "FOREM", isVisible: (a) => a.entityKind === "CPAS" && canAnywhere(a, "app.agent_social") },
  {
    href: "/rapport-unique",
    label: "Rapport unique",
    isVisible: (a) => (a.entityKind === "CPAS" && canAnywhere(a, "app.rapport_unique")) || canAnywhere(a, "app.rapport_unique.sppis"),
  },
  { href: "/fileexchange", label: "FileExchange", isVisible: (a) => canAnywhere(a, "app.file_exchange") },
  { href: "/canaux", label: "Canaux techniques", isVisible: mayOpenChannels },
  { href: "/chiffrement", label: "Chiffrement", isVisible: (a) => a.entityKind === "CPAS" },
  { href: "/securite", label: "Journal de sécurité", isVisible: (a) => canAnywhere(a, "app.security_log") },
  { href: "/jetons", label: "Jetons d'API", isVisible: (a) => canAnywhere(a, "app.c607.api_token") },
  { href: "/sessions", label: "Mes sessions", isVisible: () => true },
  { href: "/courriels", label: "Mes courriels", isVisible: () => true },
];

export const navigationFor = (actor: Actor) => NAV_ITEMS.filter((i) => i.isVisible(actor));
