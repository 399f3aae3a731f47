import { type CalendarDate, countCalendarDays, formatBelgianDate as fr, isCalendarDate } from "./calendar-date";
import { ASSIMILATED_KINDS, type DaysToWorkInput, type WorkRegime } from "./types";

/** `path` uses the dotted form of zod issue paths ("employmentPeriods.0.to") so forms can map it. */
export type PeriodError = { path: string; message: string };

type Push = (path: string, message: string) => void;

function checkRegime({ regime, path, push }: { regime: WorkRegime; path: string; push: Push }): void {
  if (regime.kind !== "PART_TIME") return;
  if (!(regime.fullTimeWeeklyHours > 0)) push(`${path}.fullTimeWeeklyHours`, "L'horaire hebdomadaire d'un temps plein doit être supérieur à 0.");
  if (!(regime.weeklyHours > 0)) push(`${path}.weeklyHours`, "L'horaire hebdomadaire du temps partiel doit être supérieur à 0.");
  else if (regime.weeklyHours > regime.fullTimeWeeklyHours) {
    push(`${path}.weeklyHours`, `Le temps partiel (${regime.weeklyHours} h) dépasse l'horaire d'un temps plein (${regime.fullTimeWeeklyHours} h).`);
  }
}

function checkDaysPerWeek({ value, path, push }: { value: number | undefined; path: string; push: Push }): void {
  // The 6-day scheme has no seventh day: 6 × 7/7 would count Sundays.
  if (value !== undefined && !(Number.isInteger(value) && value >= 1 && value <= 6)) {
    push(path, "Le nombre de jours prestés par semaine doit être un entier de 1 à 6.");
  }
}

/** Checks both ends; returns false when the period cannot be placed on a calendar. */
type RangeCheck = { from: CalendarDate; to: CalendarDate; fromPath: string; toPath: string; name: string; push: Push };

function checkRange({ from, to, fromPath, toPath, name, push }: RangeCheck): boolean {
  const isFromValid = isCalendarDate(from);
  const isToValid = isCalendarDate(to);
  if (!isFromValid) push(fromPath, `${name} : la date de début est invalide.`);
  if (!isToValid) push(toPath, `${name} : la date de fin est invalide.`);
  if (isFromValid && isToValid && to < from) {
    push(toPath, `${name} : la date de fin (${fr(to)}) précède la date de début (${fr(from)}).`);
    return false;
  }
  return isFromValid && isToValid;
}

/**
 * Every problem found, in French, with the field it concerns. The calculation refuses input with
 * errors rather than guessing: a wrong proposal sent to ONEM costs more than a form to correct.
 */
export function validatePeriods(input: DaysToWorkInput): PeriodError[] {
  const errors: PeriodError[] = [];
  const push: Push = (path, message) => errors.push({ path, message });
  const { contract } = input;

  if (!isCalendarDate(input.calculationDate)) push("calculationDate", "La date du calcul est invalide.");
  const contractRange = { from: contract.start, to: contract.plannedEnd, fromPath: "contract.start", toPath: "contract.plannedEnd" };
  checkRange({ ...contractRange, name: "Contrat article 60", push });
  checkRegime({ regime: contract.regime, path: "contract.regime", push });
  checkDaysPerWeek({ value: contract.daysPerWeek, path: "contract.daysPerWeek", push });
  if (!isCalendarDate(input.worker.birthDate)) push("worker.birthDate", "La date de naissance est invalide.");
  else if (isCalendarDate(contract.start) && input.worker.birthDate >= contract.start) {
    push("worker.birthDate", "La date de naissance doit précéder le début du contrat.");
  }

  const isBeforeStart = (to: CalendarDate) => !isCalendarDate(contract.start) || to < contract.start;
  const placed: { index: number; from: CalendarDate; to: CalendarDate }[] = [];

  input.employmentPeriods.forEach((period, index) => {
    const path = `employmentPeriods.${index}`;
    const name = `Période d'occupation n° ${index + 1}`;
    const isPlaced = checkRange({ from: period.from, to: period.to, fromPath: `${path}.from`, toPath: `${path}.to`, name, push });
    checkRegime({ regime: period.regime, path: `${path}.regime`, push });
    checkDaysPerWeek({ value: period.daysPerWeek, path: `${path}.daysPerWeek`, push });
    if (!/^[A-Z]{2}$/.test(period.country)) push(`${path}.country`, `${name} : le pays doit être un code ISO à deux lettres (BE, FR, NL…).`);
    if (period.declaredDays !== undefined) {
      if (period.regime.kind !== "FULL_TIME") push(`${path}.declaredDays`, `${name} : pour un temps partiel, indiquez les heures prestées, pas les jours.`);
      else if (!(period.declaredDays >= 0)) push(`${path}.declaredDays`, `${name} : le nombre de jours prestés ne peut pas être négatif.`);
      else if (isPlaced && period.declaredDays > countCalendarDays(period)) {
        push(`${path}.declaredDays`, `${name} : ${period.declaredDays} jours prestés dépassent la durée de la période (${countCalendarDays(period)} jours).`);
      }
    }
    if (period.declaredHours !== undefined) {
      if (period.regime.kind !== "PART_TIME") push(`${path}.declaredHours`, `${name} : pour un temps plein, indiquez les jours prestés, pas les heures.`);
      else if (!(period.declaredHours >= 0)) push(`${path}.declaredHours`, `${name} : le nombre d'heures prestées ne peut pas être négatif.`);
    }
    if (!isPlaced) return;
    if (!isBeforeStart(period.to)) {
      push(
        `${path}.to`,
        `${name} : elle se termine le ${fr(period.to)}, pas avant le début du contrat (${fr(contract.start)}). Seul le passé professionnel antérieur au contrat est encodé.`,
      );
    }
    for (const other of placed) {
      if (period.from <= other.to && other.from <= period.to) {
        push(
          `${path}.from`,
          `${name} (du ${fr(period.from)} au ${fr(period.to)}) chevauche la période n° ${other.index + 1} (du ${fr(other.from)} au ${fr(other.to)}). Deux emplois à temps partiel simultanés s'encodent en une seule période avec le total des heures.`,
        );
      }
    }
    placed.push({ index, from: period.from, to: period.to });
  });

  input.assimilatedPeriods.forEach((period, index) => {
    const path = `assimilatedPeriods.${index}`;
    const name = `Période assimilée n° ${index + 1}`;
    if (!ASSIMILATED_KINDS.includes(period.kind)) push(`${path}.kind`, `${name} : type de période inconnu.`);
    // Assimilated periods may overlap each other and employment: the count merges them.
    const isPlaced = checkRange({ from: period.from, to: period.to, fromPath: `${path}.from`, toPath: `${path}.to`, name, push });
    if (isPlaced && !isBeforeStart(period.to)) {
      push(
        `${path}.to`,
        `${name} : elle se termine le ${fr(period.to)}, pas avant le début du contrat (${fr(contract.start)}). Les événements pendant le contrat relèvent du second calcul, examiné par l'ONEM.`,
      );
    }
  });

  return errors;
}
