import type { QualityType } from "@/lib/generated/prisma/enums";
import { msg } from "@/lib/i18n/message-ref";
import { checkBce } from "@/lib/validation/bce";

// Each quality is identified by its own number (seed 003): the enterprise number for most, the
// ONSS registration number for "Employeur ONSS", the ORPSS number for "Employeur PPL".
// ONSS/ORPSS numbers have no public check-digit rule we can rely on: we accept 9 to 10 digits,
// with or without separators (docs/access-management.md). The number's name per quality:
// `access.identifierLabels` in the catalogue.

export type IdentifierCheck = { ok: true; value: string } | { ok: false; message: string };

export function checkQualityIdentifier(type: QualityType, input: string): IdentifierCheck {
  if (type === "EMPLOYEUR_ONSS" || type === "EMPLOYEUR_PPL") {
    const digits = input.replace(/[\s.\-/]/g, "");
    if (!/^\d{9,10}$/.test(digits)) return { ok: false, message: msg("access.errors.identifierDigits", { type }) };
    return { ok: true, value: digits };
  }
  const bce = checkBce(input);
  return bce.ok ? { ok: true, value: bce.digits } : { ok: false, message: bce.message };
}
