import { addDays, type CalendarDate } from "./calendar-date";

/**
 * Seed 001: the CPAS may ask for a second calculation "dans un laps de temps situé entre 30 et 15
 * jours avant la fin du contrat de travail". Read as calendar days (the seed says "jours", not
 * "jours ouvrables") and inclusive at both ends, the reading that refuses no request the sentence
 * allows: for a contract ending on 30 June, from 31 May (end − 30) to 15 June (end − 15).
 * Requests outside the window need the derogation for complex files, decided by ONEM.
 */
export const SECOND_CALCULATION_OPENS_DAYS_BEFORE_END = 30;
export const SECOND_CALCULATION_CLOSES_DAYS_BEFORE_END = 15;

export type SecondCalculationWindow = { opensOn: CalendarDate; closesOn: CalendarDate };

export function getSecondCalculationWindow({ contractEnd }: { contractEnd: CalendarDate }): SecondCalculationWindow {
  return {
    opensOn: addDays({ date: contractEnd, days: -SECOND_CALCULATION_OPENS_DAYS_BEFORE_END }),
    closesOn: addDays({ date: contractEnd, days: -SECOND_CALCULATION_CLOSES_DAYS_BEFORE_END }),
  };
}

/**
 * `date` is a Belgian calendar day: convert an instant with toBrusselsDate first, or a request sent
 * at 23:30 UTC on the closing day would be read as on time or late depending on the server's zone.
 */
export function isInSecondCalculationWindow({ contractEnd, date }: { contractEnd: CalendarDate; date: CalendarDate }): boolean {
  const { opensOn, closesOn } = getSecondCalculationWindow({ contractEnd });
  return date >= opensOn && date <= closesOn;
}
