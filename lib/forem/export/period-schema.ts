import { z } from "zod";

import { msg } from "@/lib/i18n/message-ref";

import { isCalendarDate } from "../dates";

const FROM = msg("forem.fields.periodFrom");
const TO = msg("forem.fields.periodTo");
const required = (label: string) => msg("validation.text.required", { label });

/** A period of the FOREM file: inclusive calendar days, at most three years (a sanity bound). */
export const ZPeriod = z
  .object({
    from: z.string({ error: required(FROM) }).refine(isCalendarDate, msg("forem.validation.dateInvalid", { label: FROM })),
    to: z.string({ error: required(TO) }).refine(isCalendarDate, msg("forem.validation.dateInvalid", { label: TO })),
  })
  .refine((p) => p.from <= p.to, { path: ["to"], message: msg("forem.validation.periodEndBeforeStart") })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 3 * 366 * 86_400_000, { path: ["to"], message: msg("forem.validation.periodTooLong") });

export type TPeriod = z.infer<typeof ZPeriod>;
