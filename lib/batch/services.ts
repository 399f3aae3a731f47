// Seed 004 (CareerPro FLA, "Etablir le canal batch"): the secure permissions a batch channel can be
// opened for, with the labels Chaman shows, and the public facts of the social-security SFTP server.
// The labels people read come from the catalogue (serviceLabel); `label` here is the French one.

import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

export const BATCH_SERVICES = [
  { code: "FLA", label: "CareerPro - Federal Learning Account" },
  { code: "CHOMAGE_TEMPORAIRE", label: "Chômage temporaire" },
  { code: "DRS", label: "Déclaration des risques sociaux" },
  { code: "CADASTRE_PENSIONS", label: "Déclaration électronique au Cadastre des Pensions (layout plat)" },
  { code: "DMFA", label: "Déclaration multifonctionnelle Dmfa" },
  { code: "DUC", label: "Déclaration unique de chantier" },
  { code: "DIMONA", label: "DIMONA V2: Déclaration Immédiate à l'emploi" },
  { code: "ECARO", label: "Ecaro batch" },
  { code: "PUBLIATO", label: "Publiato" },
] as const;

export type BatchServiceCode = (typeof BATCH_SERVICES)[number]["code"];
export const BATCH_SERVICE_CODES = BATCH_SERVICES.map((s) => s.code) as [BatchServiceCode, ...BatchServiceCode[]];
/** The service's label in a language (issue 13: messages/<locale>/batch.json, `batch.services`); an unknown code is shown as it is. */
export function serviceLabel(code: string, locale: Locale = "fr"): string {
  const labels = messagesFor(locale).batch.services as Record<string, string>;
  return labels[code] ?? code;
}

/** Seed 004, section 4.1, and DOMAIN.md: where the sender's SFTP client connects. */
export const SFTP_SERVER = {
  host: "sftp.socialsecurity.be",
  port: 8022,
  directories: { production: { in: "IN", out: "OUT" }, test: { in: "INTEST", out: "OUTTEST" } },
} as const;

/** The only quality a CPAS opens a batch channel under (seed 004, step 4: « Employeur ONSS »). */
export const CHANNEL_QUALITY = "EMPLOYEUR_ONSS" as const;
