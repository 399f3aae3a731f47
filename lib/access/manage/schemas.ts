import { z } from "zod";

import { ACCESS_RIGHTS } from "@/lib/access/catalogue";
import { QualityType } from "@/lib/generated/prisma/enums";
import { LOCALES } from "@/lib/i18n/locales";
import { msg } from "@/lib/i18n/message-ref";
import { checkNiss } from "@/lib/validation/niss";
import { hasUnsafeChars } from "@/lib/validation/safe-text";

// One schema per input (STYLE 8), shared by the forms and the server actions. Messages are catalogue
// references (access.validation.*), translated in the reader's language where the answer is written.

/** The fields of access management and the DPD's security page, named in the messages below. */
type Field = "firstName" | "lastName" | "email" | "identifier" | "justification" | "subdivisionName" | "policyTitle" | "policyBody";

/** A trimmed text field without control characters, of bounded length (lib/validation/safe-text.ts's rule), its messages naming the field. */
export function text(o: { min?: number; max: number; field: Field }) {
  const field = o.field;
  return z
    .string({ error: msg("access.validation.expected", { field }) })
    .trim()
    .min(o.min ?? 0, o.min ? msg("access.validation.required", { field }) : undefined)
    .max(o.max, msg("access.validation.tooLong", { field, max: String(o.max) }))
    .refine((v) => !hasUnsafeChars(v), msg("access.validation.unsafe", { field }));
}

const id = z.uuid(msg("access.validation.id"));
const rightCodes = ACCESS_RIGHTS.map((r) => r.code) as [string, ...string[]];
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const d = new Date(`${v}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: msg("access.validation.date") });
      return z.NEVER;
    }
    return d;
  });
const email = text({ min: 3, max: 254, field: "email" }).pipe(z.email(msg("validation.email")));

export const ZActivateQuality = z.object({
  type: z.enum(QualityType, msg("access.validation.unknownQuality")),
  identifier: text({ min: 1, max: 20, field: "identifier" }),
});
export const ZQualityId = z.object({ qualityId: id });
export const ZPersonId = z.object({ personId: id });
export const ZDesignateGl = z.object({ qualityId: id, personId: id });
export const ZChangeCoRae = z.object({ roleId: id, change: z.enum(["block", "unblock", "delete"]) });
export const ZDesignateQualityRole = z.object({ qualityId: id, personId: id, role: z.enum(["CO_GL", "TECHNICAL_USER"]) });
export const ZRoleId = z.object({ roleId: id });
export const ZQualityEmail = z.object({ qualityId: id, email });
export const ZSetBlocked = z.object({ personId: id, isBlocked: z.enum(["true", "false"]).transform((v) => v === "true") });

export const ZInviteUser = z.object({
  qualityId: id,
  subdivisionId: z
    .union([id, z.literal("")])
    .optional()
    .transform((v) => v || null),
  firstName: text({ min: 1, max: 100, field: "firstName" }),
  lastName: text({ min: 1, max: 100, field: "lastName" }),
  email,
  niss: z
    .string()
    .trim()
    .max(20, msg("access.validation.nissTooLong"))
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const c = checkNiss(v);
      if (!c.ok) {
        ctx.addIssue({ code: "custom", message: c.message });
        return z.NEVER;
      }
      return c.digits;
    }),
  /** The invitee's language (Person.language): their mails and pages. Empty: the inviting manager's. */
  language: z.preprocess((v) => (v === "" ? undefined : v), z.enum(LOCALES, msg("access.validation.unknownLanguage")).optional()),
});

export const ZGrantRight = z.object({
  personId: id,
  qualityId: id,
  rightCode: z.enum(rightCodes, msg("access.validation.unknownRight")),
  validFrom: optionalDate,
  validUntil: optionalDate,
  justification: text({ max: 500, field: "justification" })
    .optional()
    .transform((v) => v || null),
});
export const ZGrantId = z.object({ grantId: id });
export const ZCreateSubdivision = z.object({ qualityId: id, name: text({ min: 2, max: 100, field: "subdivisionName" }) });
export const ZDesignateSubdivisionManager = z.object({ subdivisionId: id, personId: id, role: z.enum(["SUBDIVISION_MANAGER", "SUBDIVISION_CO_MANAGER"]) });
export const ZStartReview = z.object({ qualityId: id, deadline: optionalDate.refine((d) => d !== null, msg("access.validation.deadlineRequired")) });
export const ZDecideReview = z.object({ itemId: id, decision: z.enum(["KEEP", "REVOKE"]) });
export const ZReviewId = z.object({ reviewId: id });
export const ZSodRule = z.object({ rightA: z.enum(rightCodes), rightB: z.enum(rightCodes), mode: z.enum(["FORBID", "JUSTIFY"]) });
export const ZSodRuleId = z.object({ ruleId: id });
export const ZAcceptInvitation = z
  .object({ token: z.string().min(10).max(100), password: z.string().min(1, msg("access.validation.passwordRequired")).max(256), confirm: z.string().max(256) })
  .refine((v) => v.password === v.confirm, { message: msg("access.validation.passwordsDiffer"), path: ["confirm"] });
