import { z } from "zod";

import { hasUnsafeChars, safeText } from "@/lib/validation/safe-text";

import { parseEuros } from "./money";

// The inputs of the Rapport unique commands, as forms send them (strings). Bounded everywhere: a
// section has at most 2 000 lines online (beyond: the spreadsheet), each field a short text.

const version = z.coerce.number({ error: "Version : nombre attendu." }).int().min(1).max(1_000_000);
const cell = z
  .string()
  .max(200, "200 caractères au plus.")
  .refine((v) => !hasUnsafeChars(v), "Caractères non autorisés.")
  .optional();
const ZRawSection = z.object({
  staff: z
    .array(z.object({ kind: cell, label: cell, from: cell, to: cell, fte: cell, cost: cell }))
    .max(2000, "2 000 lignes au plus.")
    .optional(),
  expenses: z
    .array(z.object({ category: cell, description: cell, amount: cell }))
    .max(2000, "2 000 lignes au plus.")
    .optional(),
  values: z.record(z.string().max(60), z.string().max(20)).optional(),
});

export const ZSaveSection = z.object({
  version,
  section: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, "Mesure inconnue."),
  payload: z
    .string()
    .max(1_000_000, "Trop de données pour une mesure : importez le fichier tableur.")
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Données de la mesure illisibles." });
        return z.NEVER;
      }
    })
    .pipe(ZRawSection),
});

export const ZVersion = z.object({ version });

export const ZSign = z.object({
  version,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, "Empreinte du contenu invalide."),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Code à 6 chiffres de votre application d'authentification."),
  role: z
    .enum(["SECRETAIRE", "PRESIDENT"])
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export const ZReturnToMember = z.object({ version, reason: safeText({ min: 10, max: 2000, label: "Commentaire" }) });

export const ZReview = z.object({
  version,
  decision: z.enum(["accept", "return"], { error: "Décision : accepter ou renvoyer." }),
  reason: safeText({ max: 2000, label: "Motif" }).optional(),
});

export const ZOpenCampaign = z.object({
  year: z.coerce.number({ error: "Année : nombre attendu." }).int().min(2020, "Année invalide.").max(2100, "Année invalide."),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Échéance : date attendue."),
});

export const ZCentreData = z.object({
  campaignId: z.uuid({ error: "Campagne inconnue." }),
  contactName: safeText({ min: 2, max: 120, label: "Personne de contact" }),
  contactEmail: z.email({ error: "Adresse e-mail invalide." }).max(200),
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ./-]{8,20}$/, "Téléphone : chiffres, espaces, / . - (8 à 20 caractères)."),
});

export const ZGrant = z.object({
  campaignId: z.uuid({ error: "Campagne inconnue." }),
  bce: z
    .string()
    .trim()
    .transform((s) => s.replace(/[.\s]/g, ""))
    .pipe(z.string().regex(/^[01]\d{9}$/, "Numéro d'entreprise : 10 chiffres.")),
  formCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, "Formulaire inconnu."),
  envelopeCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, "Enveloppe inconnue."),
  amount: z.string().transform((s, ctx) => {
    const r = parseEuros(s);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    }
    return r.value;
  }),
});

export const ZRemoveImport = z.object({ version, section: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, "Mesure inconnue.") });
