import { z } from "zod";

import { msg } from "@/lib/i18n/message-ref";
import { safeText } from "@/lib/validation/safe-text";

export const ZCreateAttestation = z.object({
  workerId: z.uuid(msg("forem.validation.chooseWorker")),
  place: safeText({ min: 1, max: 100, label: msg("forem.fields.place") }),
  signatory: safeText({ min: 1, max: 200, label: msg("forem.fields.signatory") }),
  reason: z.preprocess((v) => (v === "" ? undefined : v), safeText({ max: 500, label: msg("forem.fields.reason") }).optional()),
});
export type TCreateAttestation = z.infer<typeof ZCreateAttestation>;

/** What an attestation says, frozen when it is issued: re-downloading it later gives the same document. */
export type AttestationSnapshot = {
  version: 1;
  centre: { name: string; bce: string };
  worker: { firstName: string; lastName: string };
  issuedOn: string;
  // isUpcoming: absent from attestations issued before issue 11 (read as false).
  periods: { kind: "ART_60_7" | "ART_61"; startDate: string; endDate: string; isEnded: boolean; isUpcoming?: boolean; employerName: string | null }[];
};

export function attestationNumber(year: number, sequence: number): string {
  return `ATT-${year}-${String(sequence).padStart(4, "0")}`;
}
