import type { TRequestContent } from "@/lib/c607/requests/schemas";

// The form keeps every value as the string the input shows; `toContent` turns it into the
// schema's shape (numbers, absent optional fields) just before the server action validates it.

export type RegimeRow = {
  regime: string;
  weeklyHours: string;
  fullTimeWeeklyHours: string;
};
export type EmploymentRow = RegimeRow & {
  key: string;
  employer: string;
  country: string;
  from: string;
  to: string;
  declaredDays: string;
  declaredHours: string;
};
export type AssimilatedRow = {
  key: string;
  kind: string;
  label: string;
  from: string;
  to: string;
};
export type FormState = {
  worker: {
    niss: string;
    firstName: string;
    lastName: string;
    birthDate: string;
  };
  contract: RegimeRow & {
    start: string;
    plannedEnd: string;
    daysPerWeek: string;
  };
  employmentPeriods: EmploymentRow[];
  assimilatedPeriods: AssimilatedRow[];
};

let counter = 0;
export const rowKey = () => `r${(counter += 1)}`;

export const emptyEmployment = (): EmploymentRow => ({
  key: rowKey(),
  employer: "",
  country: "BE",
  from: "",
  to: "",
  regime: "FULL_TIME",
  weeklyHours: "",
  fullTimeWeeklyHours: "",
  declaredDays: "",
  declaredHours: "",
});
export const emptyAssimilated = (): AssimilatedRow => ({
  key: rowKey(),
  kind: "SICKNESS",
  label: "",
  from: "",
  to: "",
});

const str = (v: number | undefined) => (v === undefined ? "" : String(v));
const num = (v: string) => (v.trim() === "" ? undefined : Number(v.replace(",", ".")));
const opt = (v: string) => (v.trim() === "" ? undefined : v.trim());

export function fromContent(c: TRequestContent | null): FormState {
  if (!c) {
    return {
      worker: { niss: "", firstName: "", lastName: "", birthDate: "" },
      contract: {
        start: "",
        plannedEnd: "",
        regime: "FULL_TIME",
        weeklyHours: "",
        fullTimeWeeklyHours: "",
        daysPerWeek: "5",
      },
      employmentPeriods: [],
      assimilatedPeriods: [],
    };
  }
  return {
    worker: {
      niss: c.worker.niss,
      firstName: c.worker.firstName,
      lastName: c.worker.lastName,
      birthDate: c.worker.birthDate ?? "",
    },
    contract: {
      ...c.contract,
      weeklyHours: str(c.contract.weeklyHours),
      fullTimeWeeklyHours: str(c.contract.fullTimeWeeklyHours),
      daysPerWeek: String(c.contract.daysPerWeek),
    },
    employmentPeriods: c.employmentPeriods.map((p) => ({
      ...p,
      key: rowKey(),
      weeklyHours: str(p.weeklyHours),
      fullTimeWeeklyHours: str(p.fullTimeWeeklyHours),
      declaredDays: str(p.declaredDays),
      declaredHours: str(p.declaredHours),
    })),
    assimilatedPeriods: c.assimilatedPeriods.map((p) => ({
      ...p,
      key: rowKey(),
      label: p.label ?? "",
    })),
  };
}

const regime = (r: RegimeRow) => ({
  regime: r.regime,
  ...(r.regime === "PART_TIME"
    ? {
        weeklyHours: num(r.weeklyHours),
        fullTimeWeeklyHours: num(r.fullTimeWeeklyHours),
      }
    : {}),
});

export function toContent(s: FormState): unknown {
  return {
    worker: {
      niss: s.worker.niss,
      firstName: s.worker.firstName,
      lastName: s.worker.lastName,
      birthDate: opt(s.worker.birthDate),
    },
    contract: {
      start: s.contract.start,
      plannedEnd: s.contract.plannedEnd,
      daysPerWeek: num(s.contract.daysPerWeek),
      ...regime(s.contract),
    },
    employmentPeriods: s.employmentPeriods.map((p) => ({
      employer: p.employer,
      country: p.country.trim().toUpperCase(),
      from: p.from,
      to: p.to,
      ...regime(p),
      declaredDays: p.regime === "FULL_TIME" ? num(p.declaredDays) : undefined,
      declaredHours: p.regime === "PART_TIME" ? num(p.declaredHours) : undefined,
    })),
    assimilatedPeriods: s.assimilatedPeriods.map((p) => ({
      kind: p.kind,
      label: opt(p.label),
      from: p.from,
      to: p.to,
    })),
  };
}
