import type { Contract } from "@/lib/generated/prisma/client";

import { fromDbDate, toDbDate } from "../dates";

import type { TCreateContract } from "./contract-schema";

type ContractFields = Omit<TCreateContract, "niss" | "firstName" | "lastName">;

/** Form values → Prisma columns. Part-time hours are kept only for a part-time contract. */
export function toContractData(c: ContractFields) {
  const isPartTime = c.regime === "PART_TIME";
  return {
    kind: c.kind,
    startDate: toDbDate(c.startDate),
    plannedEndDate: toDbDate(c.plannedEndDate),
    actualEndDate: c.actualEndDate ? toDbDate(c.actualEndDate) : null,
    employerName: c.kind === "ART_61" ? (c.employerName ?? null) : null,
    employerBce: c.kind === "ART_61" ? (c.employerBce ?? null) : null,
    regime: c.regime,
    weeklyHours: isPartTime ? (c.weeklyHours ?? null) : null,
    fullTimeWeeklyHours: isPartTime ? (c.fullTimeWeeklyHours ?? 38) : null,
  };
}

/** What the audit trail records of a contract: no NISS, no name, dates as calendar days. */
export function contractSummary(
  c: Pick<
    Contract,
    "kind" | "startDate" | "plannedEndDate" | "actualEndDate" | "employerName" | "employerBce" | "regime" | "weeklyHours" | "fullTimeWeeklyHours"
  >,
) {
  return {
    kind: c.kind,
    startDate: fromDbDate(c.startDate),
    plannedEndDate: fromDbDate(c.plannedEndDate),
    actualEndDate: c.actualEndDate ? fromDbDate(c.actualEndDate) : null,
    employerName: c.employerName,
    employerBce: c.employerBce,
    regime: c.regime,
    weeklyHours: c.weeklyHours?.toString() ?? null,
    fullTimeWeeklyHours: c.fullTimeWeeklyHours?.toString() ?? null,
  };
}
