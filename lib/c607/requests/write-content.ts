import "server-only";

import type { Tx } from "@/lib/db/client";
import type { C607AssimilatedPeriod, C607EmploymentPeriod, Contract, Worker } from "@/lib/generated/prisma/client";
import { contractTermsOf, revealWorkerNiss } from "@/lib/workers";

import type { TRequestContent } from "./schemas";

const day = (value: string) => new Date(`${value}T00:00:00Z`);
const iso = (value: Date) => value.toISOString().slice(0, 10);

/** Replaces the request's periods with the form's rows (a draft is saved as a whole). */
export async function writePeriods(tx: Tx, requestId: string, content: Pick<TRequestContent, "employmentPeriods" | "assimilatedPeriods">): Promise<void> {
  await tx.c607EmploymentPeriod.deleteMany({ where: { requestId } });
  await tx.c607AssimilatedPeriod.deleteMany({ where: { requestId } });
  if (content.employmentPeriods.length > 0) {
    await tx.c607EmploymentPeriod.createMany({
      data: content.employmentPeriods.map((p) => ({
        requestId,
        employer: p.employer,
        country: p.country,
        fromDate: day(p.from),
        toDate: day(p.to),
        regime: p.regime,
        weeklyHours: p.regime === "PART_TIME" ? p.weeklyHours : null,
        fullTimeWeeklyHours: p.regime === "PART_TIME" ? p.fullTimeWeeklyHours : null,
        declaredDays: p.declaredDays ?? null,
        declaredHours: p.declaredHours ?? null,
      })),
    });
  }
  if (content.assimilatedPeriods.length > 0) {
    await tx.c607AssimilatedPeriod.createMany({
      data: content.assimilatedPeriods.map((p) => ({
        requestId,
        kind: p.kind,
        label: p.label || null,
        fromDate: day(p.from),
        toDate: day(p.to),
      })),
    });
  }
}

type Stored = {
  worker: Worker;
  contract: Contract;
  employmentPeriods: C607EmploymentPeriod[];
  assimilatedPeriods: C607AssimilatedPeriod[];
};

/** The stored request as the form and the API carry it (NISS in clear: for authorised readers only). */
export function readContent(r: Stored): TRequestContent {
  const byDate = <T extends { fromDate: Date }>(a: T, b: T) => a.fromDate.getTime() - b.fromDate.getTime();
  return {
    worker: {
      niss: revealWorkerNiss(r.worker),
      firstName: r.worker.firstName,
      lastName: r.worker.lastName,
      ...(r.worker.birthDate ? { birthDate: iso(r.worker.birthDate) } : {}),
    },
    contract: contractTermsOf(r.contract),
    employmentPeriods: [...r.employmentPeriods].sort(byDate).map((p) => ({
      employer: p.employer,
      country: p.country,
      from: iso(p.fromDate),
      to: iso(p.toDate),
      regime: p.regime,
      ...(p.weeklyHours != null ? { weeklyHours: Number(p.weeklyHours) } : {}),
      ...(p.fullTimeWeeklyHours != null ? { fullTimeWeeklyHours: Number(p.fullTimeWeeklyHours) } : {}),
      ...(p.declaredDays != null ? { declaredDays: p.declaredDays } : {}),
      ...(p.declaredHours != null ? { declaredHours: Number(p.declaredHours) } : {}),
    })),
    assimilatedPeriods: [...r.assimilatedPeriods].sort(byDate).map((p) => ({
      kind: p.kind,
      ...(p.label ? { label: p.label } : {}),
      from: iso(p.fromDate),
      to: iso(p.toDate),
    })),
  };
}

export const CONTENT_INCLUDE = {
  worker: true,
  contract: true,
  employmentPeriods: true,
  assimilatedPeriods: true,
} as const;
