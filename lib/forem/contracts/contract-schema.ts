import { z } from "zod";

import { msg } from "@/lib/i18n/message-ref";
import { checkBce } from "@/lib/validation/bce";
import { checkNiss } from "@/lib/validation/niss";
import { safeText } from "@/lib/validation/safe-text";

import { isCalendarDate } from "../dates";

// One schema per input (STYLE 8), shared by the form, the server action and the spreadsheet import.
// Every field arrives as text (FormData, CSV, or a spreadsheet cell already turned into text).

// Their labels are in the catalogue (forem.kinds.*, forem.regimes.*), in the reader's language.
export const CONTRACT_KINDS = ["ART_60_7", "ART_61"] as const;
export const WORK_REGIMES = ["FULL_TIME", "PART_TIME"] as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// Field names are catalogue references (forem.fields.*), translated inside the message.
const date = (label: string) =>
  z
    .string({ error: msg("validation.text.required", { label }) })
    .trim()
    .refine(isCalendarDate, msg("forem.validation.dateInvalid", { label }));
const optionalDate = (label: string) => z.preprocess(blankToUndefined, date(label).optional());
const hours = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.replace(",", "."))) : v),
    z
      .number({ error: msg("forem.validation.numberExpected", { label }) })
      .gt(0, msg("forem.validation.positive", { label }))
      .max(60, msg("forem.validation.maxHours", { label }))
      .optional(),
  );

const niss = z
  .string({ error: msg("validation.text.required", { label: msg("forem.fields.niss") }) })
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
  kind: z.enum(CONTRACT_KINDS, { error: msg("forem.validation.kind") }),
  startDate: date(msg("forem.fields.startDate")),
  plannedEndDate: date(msg("forem.fields.plannedEndDate")),
  actualEndDate: optionalDate(msg("forem.fields.actualEndDate")),
  employerName: z.preprocess(blankToUndefined, safeText({ max: 200, label: msg("forem.fields.employerName") }).optional()),
  employerBce,
  regime: z.enum(WORK_REGIMES, { error: msg("forem.validation.regime") }),
  weeklyHours: hours(msg("forem.fields.weeklyHours")),
  fullTimeWeeklyHours: hours(msg("forem.fields.fullTimeWeeklyHours")),
};

export const workerShape = {
  niss,
  firstName: safeText({ min: 1, max: 100, label: msg("forem.fields.firstName") }),
  lastName: safeText({ min: 1, max: 100, label: msg("forem.fields.lastName") }),
};

type ContractFields = z.infer<z.ZodObject<typeof contractShape>>;

// Rules across fields, the same for creation, edition and import.
function checkContract(c: ContractFields, ctx: z.RefinementCtx) {
  if (c.plannedEndDate < c.startDate) ctx.addIssue({ code: "custom", path: ["plannedEndDate"], message: msg("forem.validation.plannedBeforeStart") });
  if (c.actualEndDate && c.actualEndDate < c.startDate)
    ctx.addIssue({ code: "custom", path: ["actualEndDate"], message: msg("forem.validation.actualBeforeStart") });
  if (c.kind === "ART_61" && !c.employerName) ctx.addIssue({ code: "custom", path: ["employerName"], message: msg("forem.validation.art61Employer") });
  if (c.kind === "ART_60_7" && (c.employerName || c.employerBce))
    ctx.addIssue({ code: "custom", path: ["employerName"], message: msg("forem.validation.art607NoEmployer") });
  if (c.regime === "PART_TIME" && !c.weeklyHours) ctx.addIssue({ code: "custom", path: ["weeklyHours"], message: msg("forem.validation.partTimeHours") });
  if (c.regime === "PART_TIME" && c.weeklyHours && c.weeklyHours >= (c.fullTimeWeeklyHours ?? 38)) {
    ctx.addIssue({
      code: "custom",
      path: ["weeklyHours"],
      message: msg("forem.validation.partTimeBelowFull"),
    });
  }
}

export const ZCreateContract = z.object({ ...workerShape, ...contractShape }).superRefine(checkContract);
export type TCreateContract = z.infer<typeof ZCreateContract>;

export const ZUpdateContract = z.object({ id: z.uuid(msg("forem.validation.contractNotFound")), ...contractShape }).superRefine(checkContract);
export type TUpdateContract = z.infer<typeof ZUpdateContract>;
