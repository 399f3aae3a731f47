import { z } from "zod";

import { isCalendarDate } from "@/lib/c607/calendar-date";
import { ASSIMILATED_KINDS } from "@/lib/c607/types";
import { checkNiss } from "@/lib/validation/niss";
import { safeText } from "@/lib/validation/safe-text";

import { validateRequestContent } from "./validate-content";

// One zod schema per input, shared by the forms (server actions) and the JSON API (STYLE 8).
// Every object is strict: an unknown field is refused, never silently dropped, so a client that
// misspells "plannedEnd" learns it instead of sending a request without an end date.

type Shape = Record<string, z.ZodType>;
const strict = <S extends Shape>(label: string, shape: S) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `${label} : champ(s) inconnu(s) : ${issue.keys.join(", ")}.`
        : issue.code === "invalid_type"
          ? `${label} : objet attendu.`
          : undefined,
  });

export const calendarDate = (label: string) =>
  z.string({ error: `${label} : date attendue (AAAA-MM-JJ).` }).refine(isCalendarDate, `${label} : date invalide (AAAA-MM-JJ).`);

const hours = (label: string) =>
  z
    .number({ error: `${label} : nombre attendu.` })
    .positive(`${label} : doit être supérieur à 0.`)
    .max(80, `${label} : 80 heures au maximum.`);

export const REGIMES = ["FULL_TIME", "PART_TIME"] as const;
const regime = z.enum(REGIMES, {
  error: "Régime : temps plein (FULL_TIME) ou temps partiel (PART_TIME).",
});

export const ZNiss = z
  .string({ error: "Numéro national : valeur attendue." })
  .max(20, "Numéro national : 20 caractères au maximum.")
  .superRefine((value, ctx) => {
    const check = checkNiss(value);
    if (!check.ok) ctx.addIssue({ code: "custom", message: check.message });
  });

export const ZWorker = strict("Travailleur", {
  niss: ZNiss,
  firstName: safeText({ min: 1, max: 100, label: "Prénom" }),
  lastName: safeText({ min: 1, max: 100, label: "Nom" }),
  /** Only when the NISS does not give it (BIS number, unknown day or month). */
  birthDate: calendarDate("Date de naissance").optional(),
});

export const ZContract = strict("Contrat", {
  start: calendarDate("Début du contrat"),
  plannedEnd: calendarDate("Fin prévue du contrat"),
  regime,
  weeklyHours: hours("Heures par semaine").optional(),
  fullTimeWeeklyHours: hours("Heures d'un temps plein").optional(),
  daysPerWeek: z
    .number({ error: "Jours par semaine : nombre attendu." })
    .int("Jours par semaine : nombre entier.")
    .min(1, "Jours par semaine : de 1 à 6.")
    .max(6, "Jours par semaine : de 1 à 6."),
});

export const ZEmploymentPeriod = strict("Période d'occupation", {
  employer: safeText({ min: 1, max: 200, label: "Employeur" }),
  country: z.string({ error: "Pays : code attendu." }).regex(/^[A-Z]{2}$/, "Pays : code ISO à deux lettres (BE, FR, NL…)."),
  from: calendarDate("Début de la période"),
  to: calendarDate("Fin de la période"),
  regime,
  weeklyHours: hours("Heures par semaine").optional(),
  fullTimeWeeklyHours: hours("Heures d'un temps plein").optional(),
  declaredDays: z.number({ error: "Jours prestés : nombre attendu." }).int("Jours prestés : nombre entier.").min(0).max(20_000).optional(),
  declaredHours: z.number({ error: "Heures prestées : nombre attendu." }).min(0).max(200_000).optional(),
});

export const ZAssimilatedPeriod = strict("Période assimilée", {
  kind: z.enum(ASSIMILATED_KINDS, {
    error: "Type de période : valeur inconnue.",
  }),
  label: safeText({ max: 200, label: "Libellé" }).optional(),
  from: calendarDate("Début de la période"),
  to: calendarDate("Fin de la période"),
});

/** Everything the paper C60.7 carried except the attachments (sent separately). */
export const ZRequestContent = strict("Demande", {
  worker: ZWorker,
  contract: ZContract,
  employmentPeriods: z
    .array(ZEmploymentPeriod, {
      error: "Périodes d'occupation : liste attendue.",
    })
    .max(60, "60 périodes d'occupation au maximum."),
  assimilatedPeriods: z
    .array(ZAssimilatedPeriod, {
      error: "Périodes assimilées : liste attendue.",
    })
    .max(60, "60 périodes assimilées au maximum."),
}).superRefine((content, ctx) => {
  for (const error of validateRequestContent(content)) {
    ctx.addIssue({
      code: "custom",
      path: error.path.split("."),
      message: error.message,
    });
  }
});
export type TRequestContent = z.infer<typeof ZRequestContent>;

const version = z.number({ error: "Version : nombre attendu." }).int().min(1);
const clientKey = z
  .string({ error: "Clé client : valeur attendue." })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "Clé client : 8 à 64 caractères (lettres, chiffres, - ou _).");
const reason = (label: string) => safeText({ min: 5, max: 2000, label });

export const ZCreateRequest = strict("Création", {
  clientKey,
  content: ZRequestContent,
});
export type TCreateRequest = z.infer<typeof ZCreateRequest>;

export const ZUpdateDraft = strict("Modification", {
  version,
  content: ZRequestContent,
});
export type TUpdateDraft = z.infer<typeof ZUpdateDraft>;

export const ZSendRequest = strict("Envoi", {
  version,
  derogationJustification: reason("Justification de la dérogation").optional(),
});
export type TSendRequest = z.infer<typeof ZSendRequest>;

export const ZVersionOnly = strict("Commande", { version });
export type TVersionOnly = z.infer<typeof ZVersionOnly>;

export const ZRequestComplement = strict("Demande de complément", {
  version,
  message: reason("Complément demandé"),
});
export type TRequestComplement = z.infer<typeof ZRequestComplement>;

export const ZAnswerRequest = z.discriminatedUnion(
  "decision",
  [
    strict("Réponse", { version, decision: z.literal("VALIDATE") }),
    strict("Réponse", {
      version,
      decision: z.literal("OVERRIDE"),
      days: z.number({ error: "Jours à prester : nombre attendu." }).int("Jours à prester : nombre entier.").min(0).max(2_000),
      endDate: calendarDate("Date de fin"),
      reason: reason("Motif de la correction"),
    }),
  ],
  {
    error: "Décision : VALIDATE (valider la proposition) ou OVERRIDE (autre chiffre avec un motif).",
  },
);
export type TAnswerRequest = z.infer<typeof ZAnswerRequest>;

export const ZDecideDerogation = strict("Dérogation", {
  version,
  decision: z.enum(["ACCEPT", "REFUSE"], {
    error: "Décision : ACCEPT ou REFUSE.",
  }),
  reason: reason("Motif").optional(),
}).refine((v) => v.decision === "ACCEPT" || v.reason !== undefined, {
  path: ["reason"],
  message: "Motif : obligatoire pour refuser une dérogation.",
});
export type TDecideDerogation = z.infer<typeof ZDecideDerogation>;

export const COPY_REASONS = ["CONTRACT_CHANGED", "EVENTS_DURING_CONTRACT"] as const;
export const ZCopyRequest = strict("Copie", {
  clientKey,
  reason: z.enum(COPY_REASONS, {
    error: "Motif de la copie : CONTRACT_CHANGED ou EVENTS_DURING_CONTRACT.",
  }),
});
export type TCopyRequest = z.infer<typeof ZCopyRequest>;

export const C607_STATUSES = ["DRAFT", "SENT", "IN_PROGRESS", "COMPLEMENT_REQUESTED", "CALCULATED", "REFUSED"] as const;
export const ZQueueFilter = strict("Filtre", {
  status: z.enum(C607_STATUSES, { error: "Statut inconnu." }).optional(),
  entityId: z.uuid("CPAS : identifiant invalide.").optional(),
  deadline: z
    .enum(["OVERDUE", "TODAY", "WEEK"], {
      error: "Échéance : OVERDUE, TODAY ou WEEK.",
    })
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type TQueueFilter = z.infer<typeof ZQueueFilter>;
