import { z } from "zod";

import { ACCESS_RIGHTS } from "@/lib/access/catalogue";
import { QualityType } from "@/lib/generated/prisma/enums";
import { checkNiss } from "@/lib/validation/niss";
import { safeText } from "@/lib/validation/safe-text";

// One schema per input (STYLE 8), shared by the forms and the server actions. Messages in French.

const id = z.uuid("Identifiant invalide.");
const rightCodes = ACCESS_RIGHTS.map((r) => r.code) as [string, ...string[]];
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const d = new Date(`${v}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "Date invalide (AAAA-MM-JJ)." });
      return z.NEVER;
    }
    return d;
  });
const email = safeText({ min: 3, max: 254, label: "Adresse e-mail" }).pipe(z.email("Adresse e-mail invalide."));

export const ZActivateQuality = z.object({ type: z.enum(QualityType, "Qualité inconnue."), identifier: safeText({ min: 1, max: 20, label: "Identifiant" }) });
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
  firstName: safeText({ min: 1, max: 100, label: "Prénom" }),
  lastName: safeText({ min: 1, max: 100, label: "Nom" }),
  email,
  niss: z
    .string()
    .trim()
    .max(20, "Numéro national trop long.")
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
});

export const ZGrantRight = z.object({
  personId: id,
  qualityId: id,
  rightCode: z.enum(rightCodes, "Droit inconnu."),
  validFrom: optionalDate,
  validUntil: optionalDate,
  justification: safeText({ max: 500, label: "Justification" })
    .optional()
    .transform((v) => v || null),
});
export const ZGrantId = z.object({ grantId: id });
export const ZCreateSubdivision = z.object({ qualityId: id, name: safeText({ min: 2, max: 100, label: "Nom de la subdivision" }) });
export const ZDesignateSubdivisionManager = z.object({ subdivisionId: id, personId: id, role: z.enum(["SUBDIVISION_MANAGER", "SUBDIVISION_CO_MANAGER"]) });
export const ZStartReview = z.object({ qualityId: id, deadline: optionalDate.refine((d) => d !== null, "Échéance obligatoire.") });
export const ZDecideReview = z.object({ itemId: id, decision: z.enum(["KEEP", "REVOKE"]) });
export const ZReviewId = z.object({ reviewId: id });
export const ZSodRule = z.object({ rightA: z.enum(rightCodes), rightB: z.enum(rightCodes), mode: z.enum(["FORBID", "JUSTIFY"]) });
export const ZSodRuleId = z.object({ ruleId: id });
export const ZAcceptInvitation = z
  .object({ token: z.string().min(10).max(100), password: z.string().min(1, "Mot de passe obligatoire.").max(256), confirm: z.string().max(256) })
  .refine((v) => v.password === v.confirm, { message: "Les deux mots de passe diffèrent.", path: ["confirm"] });
