"use client";

import { useState, useTransition, type FormEvent } from "react";

import { createContractAction, updateContractAction } from "@/app/(portal)/forem/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { CONTRACT_KINDS, WORK_REGIMES } from "@/lib/forem/contracts/contract-schema";
import type { ContractForEdit } from "@/lib/forem/contracts/get-contract";

import { SelectField } from "./select-field";

type Errors = { message: string; fields?: Record<string, string[]> } | null;

const KIND_OPTIONS = Object.entries(CONTRACT_KINDS).map(([value, label]) => ({ value, label }));
const REGIME_OPTIONS = Object.entries(WORK_REGIMES).map(([value, label]) => ({ value, label }));

/** Creates a contract (with the worker's NISS and name) or edits one (`contract`); the server re-validates everything. */
export function ContractForm({ contract }: { contract?: ContractForEdit }) {
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
      onSubmit={onSubmit}
      noValidate
      aria-label={contract ? "Modifier le contrat" : "Nouveau contrat"}
      className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      {error && <ErrorAlert>{error.message}</ErrorAlert>}
      <fieldset>
        <legend className="text-base font-semibold">Travailleur</legend>
        {contract ? (
          <p className="mt-2 text-sm" data-testid="travailleur">
            {contract.worker.lastName} {contract.worker.firstName} — <span className="font-mono">{contract.worker.maskedNiss}</span>
          </p>
        ) : (
          <>
            <Field
              label="Numéro national (NISS)"
              name="niss"
              required
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              hint="11 chiffres, par exemple 85.07.30-033.28"
              errors={f?.niss}
            />
            <div className="grid gap-x-4 sm:grid-cols-2">
              <Field label="Nom" name="lastName" required maxLength={100} autoComplete="off" errors={f?.lastName} />
              <Field label="Prénom" name="firstName" required maxLength={100} autoComplete="off" errors={f?.firstName} />
            </div>
          </>
        )}
      </fieldset>
      <fieldset className="mt-6">
        <legend className="text-base font-semibold">Contrat</legend>
        <SelectField
          label="Type de contrat"
          name="kind"
          options={KIND_OPTIONS}
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
          errors={f?.kind}
        />
        <div className="grid gap-x-4 sm:grid-cols-3">
          <Field label="Début" name="startDate" type="date" required defaultValue={v?.startDate} errors={f?.startDate} />
          <Field label="Fin prévue" name="plannedEndDate" type="date" required defaultValue={v?.plannedEndDate} errors={f?.plannedEndDate} />
          <Field
            label="Fin effective"
            name="actualEndDate"
            type="date"
            defaultValue={v?.actualEndDate}
            hint="Vide tant que le contrat court."
            errors={f?.actualEndDate}
          />
        </div>
        {kind === "ART_61" && (
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field label="Employeur tiers (utilisateur)" name="employerName" required maxLength={200} defaultValue={v?.employerName} errors={f?.employerName} />
            <Field
              label="Numéro d'entreprise de l'employeur"
              name="employerBce"
              maxLength={20}
              defaultValue={v?.employerBce}
              hint="Facultatif, 10 chiffres"
              errors={f?.employerBce}
            />
          </div>
        )}
        <SelectField
          label="Régime de travail"
          name="regime"
          options={REGIME_OPTIONS}
          value={regime}
          onChange={(e) => setRegime(e.target.value as typeof regime)}
          errors={f?.regime}
        />
        {regime === "PART_TIME" && (
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field label="Heures par semaine" name="weeklyHours" inputMode="decimal" required defaultValue={v?.weeklyHours} errors={f?.weeklyHours} />
            <Field
              label="Heures d'un temps plein"
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
          {contract ? "Enregistrer les modifications" : "Enregistrer le contrat"}
        </Button>
        <a href="/forem" className="inline-flex items-center px-2 text-sm text-brand-700 underline">
          Annuler
        </a>
      </div>
    </form>
  );
}
