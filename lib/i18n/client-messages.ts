// What the browser receives of the catalogue (issue 15). next-intl's provider, given no `messages`,
// serialises the WHOLE catalogue of the language into every page: about 210 KiB of the 220 KiB of
// /login, parsed by the browser and written by the server on every request, for client islands
// that read a few of its namespaces. The pages now send only what their islands read:
//
// - every page: SHARED_CLIENT_NAMESPACES (the frame's islands, the error page, and the two small
//   namespaces whose message references any island may show: `errors`, `validation`);
// - below a folder of AREA_CLIENT_NAMESPACES, also that folder's namespaces, by the folder's
//   layout (components/i18n/area-messages.tsx).
//
// lib/i18n/client-messages.test.ts reads every page's client islands (the modules below a
// "use client" boundary) and fails when one reads a namespace its page does not send: add it here.
import type { AbstractIntlMessages } from "next-intl";

export const SHARED_CLIENT_NAMESPACES = ["common", "nav", "auth.idle", "errors", "validation"] as const;

/** Folder of app/ → the namespaces its islands read (message references they show included). */
export const AREA_CLIENT_NAMESPACES = {
  // Sign-in, then the second factor enrolled and the recovery codes shown in the same flow.
  "app/login": ["auth"],
  // A request's page (the CPAS's and the ONEM's side: one detail component), its form and its
  // edit page. The lists (/c607, /onem) have no island that reads the catalogue: they do not get
  // « c607 » (45 KB, a sixth of the ONEM queue's page at national size).
  "app/(portal)/c607/[id]": ["c607"],
  "app/(portal)/c607/nouvelle": ["c607"],
  "app/(portal)/gestion": ["access.form"],
  "app/(portal)/compte": ["account"],
  "app/(portal)/jetons": ["apiTokens"],
  "app/(portal)/messages": ["inbox"],
  // The overview's import islands (CPAS and SPP IS sides).
  "app/(portal)/rapport-unique": ["ru.grantsImport", "ru.measureImport"],
  // The editor shows the rules' message references (ru.*) in the reader's language. A nested
  // provider replaces its parent's messages: this list holds all the form's page reads.
  "app/(portal)/rapport-unique/formulaires": ["ru"],
  // The deposit form shows the signing checks' references (batch.*).
  "app/(portal)/canaux": ["batch"],
  // The encryption island shows its checks' references (encryption.*).
  "app/(portal)/chiffrement": ["encryption"],
  "app/(portal)/forem": ["forem", "encryption"],
  "app/(portal)/fileexchange": ["forem", "encryption"],
} as const satisfies Record<string, readonly string[]>;

export type ClientArea = keyof typeof AREA_CLIENT_NAMESPACES;

/** The parts of `messages` named by dotted paths (« c607 », « access.form »), nested as in the catalogue. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const p of paths) {
    const keys = p.split(".");
    let from: AbstractIntlMessages | string | undefined = messages;
    let into = picked;
    keys.forEach((k, i) => {
      from = typeof from === "object" ? from[k] : undefined;
      if (from === undefined) return;
      if (i === keys.length - 1) into[k] = from;
      else into = (into[k] ??= {}) as AbstractIntlMessages;
    });
  }
  return picked;
}
