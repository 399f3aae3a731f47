import type { Messages } from "@/lib/i18n/messages";

import type { Actor } from "./actor";
import { mayOpenChannels } from "@/lib/batch/access";

import { canAnywhere } from "./can";

// The portal's main navigation: each entry shows only to those the permission table lets in.
// Showing a link is convenience; every page checks again on its own.
// Groups (issue 11: ten entries wrapped at 1366 px and « Se déconnecter » fell on its own line):
// the person's own pages go to the user menu at the top right; the others show in groups.
export type NavGroup = "portail" | "applications" | "securite" | "personnel";
/** Entries and groups are named by their key in messages/<locale>/nav.json (issue 13). */
export type NavLabel = keyof Messages["nav"];
export const NAV_GROUP_LABELS: Record<Exclude<NavGroup, "personnel">, NavLabel> = {
  portail: "groupPortal",
  applications: "groupApplications",
  securite: "groupSecurity",
};
export type NavItem = { href: string; label: NavLabel; group?: NavGroup; isVisible: (a: Actor) => boolean };

export const NAV_ITEMS: NavItem[] = [
  { href: "/tableau-de-bord", label: "dashboard", group: "portail", isVisible: () => true },
  {
    href: "/gestion",
    label: "accessManagement",
    group: "portail",
    isVisible: (a) => canAnywhere(a, "entity.view") || a.isDpd || a.roles.some((r) => r.qualityId && r.role !== "TECHNICAL_USER"),
  },
  { href: "/c607", label: "c607", isVisible: (a) => a.entityKind === "CPAS" && canAnywhere(a, "app.c607") },
  { href: "/onem", label: "onemQueue", isVisible: (a) => canAnywhere(a, "app.c607.onem") },
  {
    href: "/messages",
    label: "messages",
    isVisible: (a) => a.entityKind === "CPAS" && (canAnywhere(a, "app.c607") || canAnywhere(a, "app.rapport_unique")),
  },
  { href: "/forem", label: "forem", isVisible: (a) => a.entityKind === "CPAS" && canAnywhere(a, "app.agent_social") },
  {
    href: "/rapport-unique",
    label: "rapportUnique",
    isVisible: (a) => (a.entityKind === "CPAS" && canAnywhere(a, "app.rapport_unique")) || canAnywhere(a, "app.rapport_unique.sppis"),
  },
  { href: "/fileexchange", label: "fileExchange", isVisible: (a) => canAnywhere(a, "app.file_exchange") },
  { href: "/canaux", label: "channels", isVisible: mayOpenChannels },
  { href: "/chiffrement", label: "encryption", isVisible: (a) => a.entityKind === "CPAS" },
  { href: "/securite", label: "securityLog", group: "securite", isVisible: (a) => canAnywhere(a, "app.security_log") },
  { href: "/jetons", label: "apiTokens", group: "securite", isVisible: (a) => canAnywhere(a, "app.c607.api_token") },
  { href: "/compte", label: "account", group: "personnel", isVisible: () => true },
  { href: "/sessions", label: "sessions", group: "personnel", isVisible: () => true },
  { href: "/courriels", label: "mails", group: "personnel", isVisible: () => true },
];

/** The entries this person sees, in order; an entry without a group is an application. */
export const navigationFor = (actor: Actor) => NAV_ITEMS.filter((i) => i.isVisible(actor)).map((i) => ({ ...i, group: i.group ?? "applications" }));
