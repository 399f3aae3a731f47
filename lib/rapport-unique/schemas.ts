import { z } from "zod";

import { msg } from "@/lib/i18n/message-ref";
import { hasUnsafeChars, safeText } from "@/lib/validation/safe-text";

import { parseEuros } from "./money";

// The inputs of the Rapport unique commands, as forms send them (strings). Bounded everywhere: a
// section has at most 2 000 lines online (beyond: the spreadsheet), each field a short text.

const version = z.coerce
  .number({ error: msg("ru.field.version") })
  .int()
  .min(1)
  .max(1_000_000);
const cell = z
  .string()
  .max(200, { error: msg("ru.field.maxChars", { max: 200 }) })
  .refine((v) => !hasUnsafeChars(v), { error: msg("ru.field.unsafeChars") })
  .optional();
const ZRawSection = z.object({
  staff: z
    .array(z.object({ kind: cell, label: cell, from: cell, to: cell, fte: cell, cost: cell }))
    .max(2000, { error: msg("ru.field.maxLines") })
    .optional(),
  expenses: z
    .array(z.object({ category: cell, description: cell, amount: cell }))
    .max(2000, { error: msg("ru.field.maxLines") })
    .optional(),
  values: z.record(z.string().max(60), z.string().max(20)).optional(),
});

export const ZSaveSection = z.object({
  version,
  section: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, { error: msg("ru.field.unknownMeasure") }),
  payload: z
    .string()
    .max(1_000_000, { error: msg("ru.field.payloadTooLarge") })
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: msg("ru.field.payloadUnreadable") });
        return z.NEVER;
      }
    })
    .pipe(ZRawSection),
});

export const ZVersion = z.object({ version });

export const ZSign = z.object({
  version,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, { error: msg("ru.field.hashInvalid") }),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: msg("ru.field.code") }),
  role: z
    .enum(["SECRETAIRE", "PRESIDENT"])
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export const ZReturnToMember = z.object({ version, reason: safeText({ min: 10, max: 2000, label: msg("ru.field.commentLabel") }) });

export const ZReview = z.object({
  version,
  decision: z.enum(["accept", "return"], { error: msg("ru.field.decision") }),
  reason: safeText({ max: 2000, label: msg("ru.field.reasonLabel") }).optional(),
});

export const ZOpenCampaign = z.object({
  year: z.coerce
    .number({ error: msg("ru.field.yearExpected") })
    .int()
    .min(2020, { error: msg("ru.field.yearInvalid") })
    .max(2100, { error: msg("ru.field.yearInvalid") }),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg("ru.field.deadlineExpected") }),
});

export const ZCentreData = z.object({
  campaignId: z.uuid({ error: msg("ru.field.unknownCampaign") }),
  contactName: safeText({ min: 2, max: 120, label: msg("ru.field.contactNameLabel") }),
  contactEmail: z.email({ error: msg("ru.field.emailInvalid") }).max(200),
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ./-]{8,20}$/, { error: msg("ru.field.phoneInvalid") }),
});

export const ZGrant = z.object({
  campaignId: z.uuid({ error: msg("ru.field.unknownCampaign") }),
  bce: z
    .string()
    .trim()
    .transform((s) => s.replace(/[.\s]/g, ""))
    .pipe(z.string().regex(/^[01]\d{9}$/, { error: msg("ru.field.bceInvalid") })),
  formCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, { error: msg("ru.field.unknownForm") }),
  envelopeCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, { error: msg("ru.field.unknownEnvelope") }),
  amount: z.string().transform((s, ctx) => {
    const r = parseEuros(s);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    }
    return r.value;
  }),
});

export const ZRemoveImport = z.object({ version, section: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, { error: msg("ru.field.unknownMeasure") }) });
