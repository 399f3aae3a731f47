import { z } from "zod";

import { checkBce } from "@/lib/validation/bce";
import { checkNiss } from "@/lib/validation/niss";
import { safeText } from "@/lib/validation/safe-text";

import { isCalendarDate } from "../dates";

// One schema per input (STYLE 8), shared by the form, the server action and the spreadsheet import.
// Every field arrives as text (FormData, CSV, or a spreadsheet cell already turned into text).

export const CONTRACT_KINDS = { ART_60_7: "Article 60, § 7", ART_61: "Article 61" } as const;
export const WORK_REGIMES = { FULL_TIME: "Temps plein", PART_TIME: "Temps partiel" } as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const date = (label: string) =>
  z
    .string({ error: `${label} : champ obligatoire.` })
    .trim()
    .refine(isCalendarDate, `${label} : date invalide (format AAAA-MM-JJ).`);
const optionalDate = (label: string) => z.preprocess(blankToUndefined, date(label).optional());
const hours = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.replace(",", "."))) : v),
    z
      .number({ error: `${label} : nombre attendu.` })
      .gt(0, `${label} : doit être positif.`)
      .max(60, `${label} : 60 heures au maximum.`)
      .optional(),
  );

const niss = z
  .string({ error: "Numéro national : champ obligatoire." })
  .trim()
  .superRefine((v, ctx) => {
    const c = checkNiss(v);
    if (!c.ok) ctx.addIssue({ code: "custom", message: c.message });
  })
  .transform((v) => (checkNiss(v) as { digits: string }).digits);

const employerBce = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const c = checkBce(v);
      if (!c.ok) ctx.addIssue({ code: "custom", message: c.message });
    })
    .transform((v) => (checkBce(v) as { digits: string }).digits)
    .optional(),
);

export const contractShape = {
  kind: z.enum(["ART_60_7", "ART_61"], { error: "Type de contrat : choisissez article 60, § 7 ou article 61." }),
  startDate: date("Date de début"),
  plannedEndDate: date("Date de fin prévue"),
  actualEndDate: optionalDate("Date de fin effective"),
  employerName: z.preprocess(blankToUndefined, safeText({ max: 200, label: "Employeur tiers" }).optional()),
  employerBce,
  regime: z.enum(["FULL_TIME", "PART_TIME"], { error: "Régime : choisissez temps plein ou temps partiel." }),
  weeklyHours: hours("Heures par semaine"),
  fullTimeWeeklyHours: hours("Heures d'un temps plein"),
};

export const workerShape = {
  niss,
  firstName: safeText({ min: 1, max: 100, label: "Prénom" }),
  lastName: safeText({ min: 1, max: 100, label: "Nom" }),
};

type ContractFields = z.infer<z.ZodObject<typeof contractShape>>;

// Rules across fields, the same for creation, edition and import.
function checkContract(c: ContractFields, ctx: z.RefinementCtx) {
  if (c.plannedEndDate < c.startDate) ctx.addIssue({ code: "custom", path: ["plannedEndDate"], message: "La fin prévue précède le début du contrat." });
  if (c.actualEndDate && c.actualEndDate < c.startDate)
    ctx.addIssue({ code: "custom", path: ["actualEndDate"], message: "La fin effective précède le début du contrat." });
  if (c.kind === "ART_61" && !c.employerName)
    ctx.addIssue({ code: "custom", path: ["employerName"], message: "Article 61 : indiquez l'employeur tiers (utilisateur)." });
  if (c.kind === "ART_60_7" && (c.employerName || c.employerBce))
    ctx.addIssue({ code: "custom", path: ["employerName"], message: "Article 60, § 7 : le CPAS est l'employeur ; ne renseignez pas d'employeur tiers." });
  if (c.regime === "PART_TIME" && !c.weeklyHours)
    ctx.addIssue({ code: "custom", path: ["weeklyHours"], message: "Temps partiel : indiquez les heures par semaine." });
  if (c.regime === "PART_TIME" && c.weeklyHours && c.weeklyHours >= (c.fullTimeWeeklyHours ?? 38)) {
    ctx.addIssue({
      code: "custom",
      path: ["weeklyHours"],
      message: "Temps partiel : les heures par semaine doivent être inférieures à celles d'un temps plein.",
    });
  }
}

export const ZCreateContract = z.object({ ...workerShape, ...contractShape }).superRefine(checkContract);
export type TCreateContract = z.infer<typeof ZCreateContract>;

export const ZUpdateContract = z.object({ id: z.uuid("Contrat introuvable."), ...contractShape }).superRefine(checkContract);
export type TUpdateContract = z.infer<typeof ZUpdateContract>;
