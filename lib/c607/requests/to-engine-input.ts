import type { CalendarDate } from "@/lib/c607/calendar-date";
import type { AssimilatedKind, AssimilatedPeriod, DaysToWorkInput, EmploymentPeriod, WorkRegime } from "@/lib/c607/types";
import { checkNiss } from "@/lib/validation/niss";

// The request's content (as the form and the API carry it) turned into the engine's input. Pure:
// used by the schema's validation and by the ONEM calculation, so both see the same periods.

type Regime = {
  regime: "FULL_TIME" | "PART_TIME";
  weeklyHours?: number;
  fullTimeWeeklyHours?: number;
};

/** Structural shape of TRequestContent (declared here to keep this file free of zod). */
export type RequestContentLike = {
  worker: { niss: string; birthDate?: CalendarDate };
  contract: Regime & {
    start: CalendarDate;
    plannedEnd: CalendarDate;
    daysPerWeek: number;
  };
  employmentPeriods: (Regime & {
    employer: string;
    country: string;
    from: CalendarDate;
    to: CalendarDate;
    declaredDays?: number;
    declaredHours?: number;
  })[];
  assimilatedPeriods: {
    kind: AssimilatedKind;
    label?: string;
    from: CalendarDate;
    to: CalendarDate;
  }[];
};

export function toWorkRegime(r: Regime): WorkRegime {
  return r.regime === "PART_TIME"
    ? {
        kind: "PART_TIME",
        weeklyHours: r.weeklyHours ?? 0,
        fullTimeWeeklyHours: r.fullTimeWeeklyHours ?? 0,
      }
    : { kind: "FULL_TIME" };
}

/** Birth date from the NISS; from the form only when the NISS does not carry it (BIS, 00). */
export function resolveBirthDate(worker: { niss: string; birthDate?: CalendarDate }): CalendarDate | null {
  const check = checkNiss(worker.niss);
  if (check.ok && check.birthDate) return check.birthDate.toISOString().slice(0, 10);
  return worker.birthDate ?? null;
}

export type EngineInput = {
  input: DaysToWorkInput;
  /** Index in content.assimilatedPeriods of each period given to the engine (errors point back). */
  assimilatedIndex: number[];
  /**
   * Sickness, unpaid leave… during the contract: the engine reasons on the career before the
   * contract (docs/c607-calculation.md), so these are left to the ONEM collaborator, who sees them
   * listed in a step of the proposal (second calculation, seed 001).
   */
  eventsDuringContract: AssimilatedPeriod[];
};

export function toEngineInput(content: RequestContentLike, calculationDate: CalendarDate): EngineInput {
  const { contract } = content;
  const employmentPeriods: EmploymentPeriod[] = content.employmentPeriods.map((p) => ({
    from: p.from,
    to: p.to,
    regime: toWorkRegime(p),
    country: p.country,
    ...(p.declaredDays !== undefined ? { declaredDays: p.declaredDays } : {}),
    ...(p.declaredHours !== undefined ? { declaredHours: p.declaredHours } : {}),
    label: p.employer,
  }));
  const assimilated: AssimilatedPeriod[] = [];
  const assimilatedIndex: number[] = [];
  const eventsDuringContract: AssimilatedPeriod[] = [];
  content.assimilatedPeriods.forEach((p, index) => {
    const period: AssimilatedPeriod = {
      kind: p.kind,
      from: p.from,
      to: p.to,
      ...(p.label ? { label: p.label } : {}),
    };
    if (p.from >= contract.start) eventsDuringContract.push(period);
    else {
      assimilated.push(period);
      assimilatedIndex.push(index);
    }
  });
  return {
    input: {
      worker: { birthDate: resolveBirthDate(content.worker) ?? "" },
      contract: {
        start: contract.start,
        plannedEnd: contract.plannedEnd,
        regime: toWorkRegime(contract),
        daysPerWeek: contract.daysPerWeek,
      },
      employmentPeriods,
      assimilatedPeriods: assimilated,
      calculationDate,
    },
    assimilatedIndex,
    eventsDuringContract,
  };
}
