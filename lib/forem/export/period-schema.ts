import { z } from "zod";

import { isCalendarDate } from "../dates";

/** A period of the FOREM file: inclusive calendar days, at most three years (a sanity bound). */
export const ZPeriod = z
  .object({
    from: z.string({ error: "Début de période : champ obligatoire." }).refine(isCalendarDate, "Début de période : date invalide."),
    to: z.string({ error: "Fin de période : champ obligatoire." }).refine(isCalendarDate, "Fin de période : date invalide."),
  })
  .refine((p) => p.from <= p.to, { path: ["to"], message: "La fin de la période précède son début." })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 3 * 366 * 86_400_000, { path: ["to"], message: "La période ne peut dépasser trois ans." });

export type TPeriod = z.infer<typeof ZPeriod>;
