import "server-only";

import { writeAuditEvent, type AuditContext } from "@/lib/audit/write-audit-event";
import type { Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { Contract } from "@/lib/generated/prisma/client";
import type { ContractKind, WorkRegime } from "@/lib/generated/prisma/enums";

/** A contract's dates and schedule, as plain values ("YYYY-MM-DD", numbers). */
export type ContractTerms = {
  start: string;
  plannedEnd: string;
  regime: WorkRegime;
  weeklyHours?: number;
  fullTimeWeeklyHours?: number;
  daysPerWeek: number;
};

const day = (value: string) => new Date(`${value}T00:00:00Z`);
const iso = (value: Date) => value.toISOString().slice(0, 10);

function termsData(terms: ContractTerms) {
  const isPartTime = terms.regime === "PART_TIME";
  return {
    startDate: day(terms.start),
    plannedEndDate: day(terms.plannedEnd),
    regime: terms.regime,
    weeklyHours: isPartTime ? (terms.weeklyHours ?? null) : null,
    fullTimeWeeklyHours: isPartTime ? (terms.fullTimeWeeklyHours ?? null) : null,
    daysPerWeek: terms.daysPerWeek,
  };
}

export function contractTermsOf(c: Contract): ContractTerms {
  return {
    start: iso(c.startDate),
    plannedEnd: iso(c.plannedEndDate),
    regime: c.regime,
    ...(c.weeklyHours != null ? { weeklyHours: Number(c.weeklyHours) } : {}),
    ...(c.fullTimeWeeklyHours != null ? { fullTimeWeeklyHours: Number(c.fullTimeWeeklyHours) } : {}),
    daysPerWeek: c.daysPerWeek,
  };
}

type FindOrCreate = {
  entityId: string;
  workerId: string;
  kind: ContractKind;
  terms: ContractTerms;
  createdById: string;
  audit: AuditContext;
};

/** Same worker, kind and start date = the same contract; its other terms are updated. */
export async function findOrCreateContract(tx: Tx, o: FindOrCreate): Promise<{ contract: Contract; isNew: boolean }> {
  const existing = await tx.contract.findFirst({
    where: {
      entityId: o.entityId,
      workerId: o.workerId,
      kind: o.kind,
      startDate: day(o.terms.start),
    },
  });
  if (existing)
    return {
      contract: await updateContractTerms(tx, {
        entityId: o.entityId,
        contractId: existing.id,
        terms: o.terms,
        audit: o.audit,
      }),
      isNew: false,
    };
  const contract = await tx.contract.create({
    data: {
      entityId: o.entityId,
      workerId: o.workerId,
      kind: o.kind,
      createdById: o.createdById,
      ...termsData(o.terms),
    },
  });
  await writeAuditEvent(tx, o.audit, {
    action: "contract.created",
    targetType: "Contract",
    targetId: contract.id,
    entityId: o.entityId,
    after: { kind: o.kind, ...o.terms },
  });
  return { contract, isNew: true };
}

export async function updateContractTerms(
  tx: Tx,
  o: {
    entityId: string;
    contractId: string;
    terms: ContractTerms;
    audit: AuditContext;
  },
): Promise<Contract> {
  const current = await tx.contract.findFirst({
    where: { id: o.contractId, entityId: o.entityId },
  });
  if (!current) throw notFound();
  const before = contractTermsOf(current);
  if (JSON.stringify(before) === JSON.stringify(contractTermsOf({ ...current, ...termsData(o.terms) } as Contract))) return current;
  const contract = await tx.contract.update({
    where: { id: current.id },
    data: termsData(o.terms),
  });
  await writeAuditEvent(tx, o.audit, {
    action: "contract.updated",
    targetType: "Contract",
    targetId: contract.id,
    entityId: o.entityId,
    before,
    after: contractTermsOf(contract),
  });
  return contract;
}
