import { z } from "zod";

import { isCalendarDate } from "@/lib/c607/calendar-date";
import { ASSIMILATED_KINDS } from "@/lib/c607/types";
import { msg } from "@/lib/i18n/message-ref";
import { checkNiss } from "@/lib/validation/niss";
import { hasUnsafeChars } from "@/lib/validation/safe-text";

import { decodeCursor, MAX_PAGE } from "./queue-cursor";
import { validateRequestContent } from "./validate-content";

// One zod schema per input, shared by the forms (server actions) and the JSON API (STYLE 8).
// Every object is strict: an unknown field is refused, never silently dropped, so a client that
// misspells "plannedEnd" learns it instead of sending a request without an end date.
// Messages are catalogue references (c607.validation.*), read in the caller's language; `field`
// names the object or field the message starts with (an ICU select in the catalogue).

/** The names a message can start with: keys of the `field` select of c607.validation.*. */
type Field =
  | "worker"
  | "contract"
  | "employmentPeriod"
  | "assimilatedPeriod"
  | "request"
  | "create"
  | "update"
  | "send"
  | "command"
  | "complementRequest"
  | "answer"
  | "derogation"
  | "copy"
  | "filter"
  | "birthDate"
  | "start"
  | "plannedEnd"
  | "periodFrom"
  | "periodTo"
  | "endDate"
  | "weeklyHours"
  | "fullTimeWeeklyHours"
  | "firstName"
  | "lastName"
  | "employer"
  | "label"
  | "derogationJustification"
  | "complement"
  | "overrideReason"
  | "reason"
  | "daysPerWeek"
  | "declaredDays"
  | "declaredHours"
  | "days"
  | "niss"
  | "version"
  | "clientKey";

type Shape = Record<string, z.ZodType>;
const strict = <S extends Shape>(field: Field, shape: S) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? msg("c607.validation.unknownKeys", { field, count: issue.keys.length, keys: issue.keys.join(", ") })
        : issue.code === "invalid_type"
          ? msg("c607.validation.objectExpected", { field })
          : undefined,
  });

export const calendarDate = (field: Field) =>
  z.string({ error: msg("c607.validation.dateExpected", { field }) }).refine(isCalendarDate, msg("c607.validation.dateInvalid", { field }));

const hours = (field: Field) =>
  z
    .number({ error: msg("c607.validation.numberExpected", { field }) })
    .positive(msg("c607.validation.positive", { field }))
    .max(80, msg("c607.validation.maxHours", { field }));

/** lib/validation/safe-text.ts's text field, with the messages of this catalogue. */
function safeText({ min, max, field }: { min?: number; max: number; field: Field }) {
  return z
    .string({ error: msg("c607.validation.valueExpected", { field }) })
    .trim()
    .min(min ?? 0, min ? msg("c607.validation.required", { field }) : undefined)
    .max(max, msg("c607.validation.tooLong", { field, max }))
    .refine((v) => !hasUnsafeChars(v), msg("c607.validation.unsafe", { field }));
}

export const REGIMES = ["FULL_TIME", "PART_TIME"] as const;
const regime = z.enum(REGIMES, {
  error: msg("c607.validation.regime"),
});

export const ZNiss = z
  .string({ error: msg("c607.validation.valueExpected", { field: "niss" }) })
  .max(20, msg("c607.validation.nissTooLong"))
  .superRefine((value, ctx) => {
    const check = checkNiss(value);
    if (!check.ok) ctx.addIssue({ code: "custom", message: check.message });
  });

export const ZWorker = strict("worker", {
  niss: ZNiss,
  firstName: safeText({ min: 1, max: 100, field: "firstName" }),
  lastName: safeText({ min: 1, max: 100, field: "lastName" }),
  /** Only when the NISS does not give it (BIS number, unknown day or month). */
  birthDate: calendarDate("birthDate").optional(),
});

export const ZContract = strict("contract", {
  start: calendarDate("start"),
  plannedEnd: calendarDate("plannedEnd"),
  regime,
  weeklyHours: hours("weeklyHours").optional(),
  fullTimeWeeklyHours: hours("fullTimeWeeklyHours").optional(),
  daysPerWeek: z
    .number({ error: msg("c607.validation.numberExpected", { field: "daysPerWeek" }) })
    .int(msg("c607.validation.integer", { field: "daysPerWeek" }))
    .min(1, msg("c607.validation.daysPerWeekRange"))
    .max(6, msg("c607.validation.daysPerWeekRange")),
});

export const ZEmploymentPeriod = strict("employmentPeriod", {
  employer: safeText({ min: 1, max: 200, field: "employer" }),
  country: z.string({ error: msg("c607.validation.countryCode") }).regex(/^[A-Z]{2}$/, msg("c607.validation.countryCode")),
  from: calendarDate("periodFrom"),
  to: calendarDate("periodTo"),
  regime,
  weeklyHours: hours("weeklyHours").optional(),
  fullTimeWeeklyHours: hours("fullTimeWeeklyHours").optional(),
  declaredDays: z
    .number({ error: msg("c607.validation.numberExpected", { field: "declaredDays" }) })
    .int(msg("c607.validation.integer", { field: "declaredDays" }))
    .min(0)
    .max(20_000)
    .optional(),
  declaredHours: z
    .number({ error: msg("c607.validation.numberExpected", { field: "declaredHours" }) })
    .min(0)
    .max(200_000)
    .optional(),
});

export const ZAssimilatedPeriod = strict("assimilatedPeriod", {
  kind: z.enum(ASSIMILATED_KINDS, {
    error: msg("c607.validation.kind"),
  }),
  label: safeText({ max: 200, field: "label" }).optional(),
  from: calendarDate("periodFrom"),
  to: calendarDate("periodTo"),
});

/** Everything the paper C60.7 carried except the attachments (sent separately). */
export const ZRequestContent = strict("request", {
  worker: ZWorker,
  contract: ZContract,
  employmentPeriods: z
    .array(ZEmploymentPeriod, {
      error: msg("c607.validation.listExpected", { list: "employment" }),
    })
    .max(60, msg("c607.validation.tooManyPeriods", { list: "employment" })),
  assimilatedPeriods: z
    .array(ZAssimilatedPeriod, {
      error: msg("c607.validation.listExpected", { list: "assimilated" }),
    })
    .max(60, msg("c607.validation.tooManyPeriods", { list: "assimilated" })),
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

const version = z
  .number({ error: msg("c607.validation.numberExpected", { field: "version" }) })
  .int()
  .min(1);
const clientKey = z
  .string({ error: msg("c607.validation.valueExpected", { field: "clientKey" }) })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, msg("c607.validation.clientKey"));
const reason = (field: Field) => safeText({ min: 5, max: 2000, field });

export const ZCreateRequest = strict("create", {
  clientKey,
  content: ZRequestContent,
});
export type TCreateRequest = z.infer<typeof ZCreateRequest>;

export const ZUpdateDraft = strict("update", {
  version,
  content: ZRequestContent,
});
export type TUpdateDraft = z.infer<typeof ZUpdateDraft>;

export const ZSendRequest = strict("send", {
  version,
  derogationJustification: reason("derogationJustification").optional(),
});
export type TSendRequest = z.infer<typeof ZSendRequest>;

export const ZVersionOnly = strict("command", { version });
export type TVersionOnly = z.infer<typeof ZVersionOnly>;

export const ZRequestComplement = strict("complementRequest", {
  version,
  message: reason("complement"),
});
export type TRequestComplement = z.infer<typeof ZRequestComplement>;

export const ZAnswerRequest = z.discriminatedUnion(
  "decision",
  [
    strict("answer", { version, decision: z.literal("VALIDATE") }),
    strict("answer", {
      version,
      decision: z.literal("OVERRIDE"),
      days: z
        .number({ error: msg("c607.validation.numberExpected", { field: "days" }) })
        .int(msg("c607.validation.integer", { field: "days" }))
        .min(0)
        .max(2_000),
      endDate: calendarDate("endDate"),
      reason: reason("overrideReason"),
    }),
  ],
  {
    error: msg("c607.validation.answerDecision"),
  },
);
export type TAnswerRequest = z.infer<typeof ZAnswerRequest>;

export const ZDecideDerogation = strict("derogation", {
  version,
  decision: z.enum(["ACCEPT", "REFUSE"], {
    error: msg("c607.validation.derogationDecision"),
  }),
  reason: reason("reason").optional(),
}).refine((v) => v.decision === "ACCEPT" || v.reason !== undefined, {
  path: ["reason"],
  message: msg("c607.validation.refusalReasonRequired"),
});
export type TDecideDerogation = z.infer<typeof ZDecideDerogation>;

export const COPY_REASONS = ["CONTRACT_CHANGED", "EVENTS_DURING_CONTRACT"] as const;
export const ZCopyRequest = strict("copy", {
  clientKey,
  reason: z.enum(COPY_REASONS, {
    error: msg("c607.validation.copyReason"),
  }),
});
export type TCopyRequest = z.infer<typeof ZCopyRequest>;

export const C607_STATUSES = ["DRAFT", "SENT", "IN_PROGRESS", "COMPLEMENT_REQUESTED", "CALCULATED", "REFUSED"] as const;
export const ZQueueFilter = strict("filter", {
  status: z.enum(C607_STATUSES, { error: msg("c607.validation.status") }).optional(),
  entityId: z.uuid(msg("c607.validation.centre")).optional(),
  deadline: z
    .enum(["OVERDUE", "TODAY", "WEEK"], {
      error: msg("c607.validation.deadline"),
    })
    .optional(),
  // Page numbers (OFFSET) stay for the API's existing clients, up to the capped total (10,000
  // requests); beyond, and in the pages, the next and previous pages are cursors (queue-cursor.ts).
  // Decimal digits only: Number() would also read « 1e2 », « 0x10 », « +5 » or « 5 » with spaces.
  page: z
    .string({ error: msg("c607.validation.page") })
    .regex(/^[0-9]{1,3}$/, msg("c607.validation.page"))
    .transform(Number)
    .pipe(z.number().min(1, msg("c607.validation.page")).max(MAX_PAGE, msg("c607.validation.page")))
    .optional(),
  cursor: z
    .string()
    .refine((v) => decodeCursor(v) !== null, msg("c607.validation.cursor"))
    .optional(),
}).refine((v) => v.page === undefined || v.cursor === undefined, { path: ["cursor"], message: msg("c607.validation.pageAndCursor") });
export type TQueueFilter = z.infer<typeof ZQueueFilter>;
