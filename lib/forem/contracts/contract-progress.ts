import type { CalendarDate } from "../dates";

// Where a contract stands today, for the register and the attestation (issue 11: a contract
// starting in the future was shown « en cours »). Calendar dates compare as strings (YYYY-MM-DD).

export type ContractProgress = "UPCOMING" | "ONGOING" | "ENDED";

// Labels: forem.progress.* in the catalogue (the register shows them in the reader's language).

/** Ended once its actual end is recorded; upcoming while its start is after today (Brussels). */
export function contractProgress(c: { startDate: CalendarDate; actualEndDate: CalendarDate | null }, today: CalendarDate): ContractProgress {
  if (c.actualEndDate !== null) return "ENDED";
  return c.startDate > today ? "UPCOMING" : "ONGOING";
}
