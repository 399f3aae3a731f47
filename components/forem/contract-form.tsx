"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";

import { createContractAction, updateContractAction } from "@/app/(portal)/forem/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { CONTRACT_KINDS, WORK_REGIMES } from "@/lib/forem/contracts/contract-schema";
import type { ContractForEdit } from "@/lib/forem/contracts/get-contract";

import { SelectField } from "./select-field";

type Errors = { message: string; fields?: Record<string, string[]> } | null;

/** Creates a contract (with the worker's NISS and name) or edits one (`contract`); the server re-validates everything. */
export function ContractForm({ contract }: { contract?: ContractForEdit }) {
  const t = useTranslations("forem");
  const kindOptions = CONTRACT_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }));
  const regimeOptions = WORK_REGIMES.map((value) => ({ value, label: t(`regimes.${value}`) }));
  const [error, setError] = useState<Errors>(null);
  const [kind, setKind] = useState(contract?.values.kind ?? "ART_60_7");
  const [regime, setRegime] = useState(contract?.values.regime ?? "FULL_TIME");
  const [isPending, startTransition] = useTransition();
  const v = contract?.values;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = Object.fromEntries(new FormData(e.currentTarget));
    startTransition(async () => {
      const r = contract ? await updateContractAction({ ...input, id: contract.id }) : await createContractAction(input);
      // Success redirects to the register; only errors come back.
      if (r?.status === "error") setError({ message: r.message, fields: r.fieldErrors });
    });
  }

  const f = error?.fields;
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-label={contract ? t("contractForm.editTitle") : t("contractForm.newTitle")}
      className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      {error && <ErrorAlert>{error.message}</ErrorAlert>}
      <fieldset>
        <legend className="text-base font-semibold">{t("contractForm.worker")}</legend>
        {contract ? (
          <p className="mt-2 text-sm" data-testid="travailleur">
            {contract.worker.lastName} {contract.worker.firstName} — <span className="font-mono">{contract.worker.maskedNiss}</span>
          </p>
        ) : (
          <>
            <Field
              label={t("contractForm.niss")}
              name="niss"
              required
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              hint={t("contractForm.nissHint")}
              errors={f?.niss}
            />
            <div className="grid gap-x-4 sm:grid-cols-2">
              <Field label={t("contractForm.lastName")} name="lastName" required maxLength={100} autoComplete="off" errors={f?.lastName} />
              <Field label={t("contractForm.firstName")} name="firstName" required maxLength={100} autoComplete="off" errors={f?.firstName} />
            </div>
          </>
        )}
      </fieldset>
      <fieldset className="mt-6">
        <legend className="text-base font-semibold">{t("contractForm.contract")}</legend>
        <SelectField
          label={t("contractForm.kind")}
          name="kind"
          options={kindOptions}
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
          errors={f?.kind}
        />
        <div className="grid gap-x-4 sm:grid-cols-3">
          <Field label={t("contractForm.start")} name="startDate" type="date" required defaultValue={v?.startDate} errors={f?.startDate} />
          <Field label={t("contractForm.plannedEnd")} name="plannedEndDate" type="date" required defaultValue={v?.plannedEndDate} errors={f?.plannedEndDate} />
          <Field
            label={t("contractForm.actualEnd")}
            name="actualEndDate"
            type="date"
            defaultValue={v?.actualEndDate}
            hint={t("contractForm.actualEndHint")}
            errors={f?.actualEndDate}
          />
        </div>
        {kind === "ART_61" && (
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field
              label={t("contractForm.employerName")}
              name="employerName"
              required
              maxLength={200}
              defaultValue={v?.employerName}
              errors={f?.employerName}
            />
            <Field
              label={t("contractForm.employerBce")}
              name="employerBce"
              maxLength={20}
              defaultValue={v?.employerBce}
              hint={t("contractForm.employerBceHint")}
              errors={f?.employerBce}
            />
          </div>
        )}
        <SelectField
          label={t("contractForm.regime")}
          name="regime"
          options={regimeOptions}
          value={regime}
          onChange={(e) => setRegime(e.target.value as typeof regime)}
          errors={f?.regime}
        />
        {regime === "PART_TIME" && (
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field
              label={t("contractForm.weeklyHours")}
              name="weeklyHours"
              inputMode="decimal"
              required
              defaultValue={v?.weeklyHours}
              errors={f?.weeklyHours}
            />
            <Field
              label={t("contractForm.fullTimeWeeklyHours")}
              name="fullTimeWeeklyHours"
              inputMode="decimal"
              defaultValue={v?.fullTimeWeeklyHours || "38"}
              errors={f?.fullTimeWeeklyHours}
            />
          </div>
        )}
      </fieldset>
      <div className="mt-6 flex gap-3">
        <Button type="submit" isPending={isPending}>
          {contract ? t("contractForm.saveChanges") : t("contractForm.save")}
        </Button>
        <a href="/forem" className="inline-flex items-center px-2 text-sm text-brand-700 underline">
          {t("contractForm.cancel")}
        </a>
      </div>
    </form>
  );
}
