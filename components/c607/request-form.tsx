"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/alert";
import type { TRequestContent } from "@/lib/c607/requests/schemas";
import type { ActionState } from "@/lib/http/server-action";

import { REGIME_OPTIONS, SelectControl, TextControl } from "./form-controls";
import { emptyAssimilated, emptyEmployment, type FormState, fromContent, toContent } from "./form-state";
import { AssimilatedRowFields, EmploymentRowFields, focusField } from "./period-rows";

type Submit = (input: unknown) => Promise<ActionState<{ id: string }>>;

/**
 * The C60.7 form (creation and edition of a draft). Dynamic rows are plain buttons and fieldsets:
 * usable with the keyboard alone, focus moves to each new row. The client key is drawn once per
 * form, so a double click or a retry creates one request only.
 */
export function RequestForm({
  initial,
  version,
  submit,
}: {
  initial: TRequestContent | null;
  version?: number;
  submit: (input: unknown) => ReturnType<Submit>;
}) {
  const router = useRouter();
  const [state, setState] = useState<FormState>(() => fromContent(initial));
  // The two lists of periods are edited the same way: replace, remove or append one keyed row.
  type ListKey = "employmentPeriods" | "assimilatedPeriods";
  const editRows = <K extends ListKey>(key: K) => ({
    replace: (row: FormState[K][number]) => setState((s) => ({ ...s, [key]: s[key].map((x) => (x.key === row.key ? row : x)) })),
    remove: (rowKey: string) => setState((s) => ({ ...s, [key]: s[key].filter((x) => x.key !== rowKey) })),
    append: (row: FormState[K][number]) => setState((s) => ({ ...s, [key]: [...s[key], row] })),
  });
  const employment = editRows("employmentPeriods");
  const assimilated = editRows("assimilatedPeriods");
  const [result, setResult] = useState<ActionState<{ id: string }>>({
    status: "idle",
  });
  const [isPending, startTransition] = useTransition();
  const clientKey = useMemo(() => crypto.randomUUID(), []);
  // The schemas wrap the form in { content }: field paths arrive as "content.worker.niss".
  const errors =
    result.status === "error" && result.fieldErrors
      ? Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(/^content\./, ""), v]))
      : undefined;
  const setWorker = (patch: Partial<FormState["worker"]>) => setState((s) => ({ ...s, worker: { ...s.worker, ...patch } }));
  const setContract = (patch: Partial<FormState["contract"]>) => setState((s) => ({ ...s, contract: { ...s.contract, ...patch } }));
  // The props every worker or contract field shares: its path (for errors), value and setter.
  const workerField = (key: keyof FormState["worker"]) => ({
    path: `worker.${key}`,
    value: state.worker[key],
    onChange: (v: string) => setWorker({ [key]: v }),
    errors,
  });
  const contractField = (key: keyof FormState["contract"]) => ({
    path: `contract.${key}`,
    value: state.contract[key],
    onChange: (v: string) => setContract({ [key]: v }),
    errors,
  });

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const content = toContent(state);
    startTransition(async () => {
      const res = await submit(version === undefined ? { clientKey, content } : { version, content });
      setResult(res);
      if (res.status === "success") router.push(`/c607/${res.data.id}?fait=${version === undefined ? "cree" : "enregistre"}`);
      else requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-8">
      {result.status === "error" && (
        <ErrorAlert>
          {result.message}
          {errors?.["_"] ? ` ${errors["_"].join(" ")}` : ""}
        </ErrorAlert>
      )}
      <section aria-labelledby="titre-travailleur">
        <h2 id="titre-travailleur" className="text-lg font-semibold text-slate-900">
          Travailleur
        </h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <TextControl {...workerField("niss")} label="Numéro national (NISS)" hint="AA.MM.JJ-NNN.CC" required />
          <TextControl {...workerField("lastName")} label="Nom" required />
          <TextControl {...workerField("firstName")} label="Prénom" required />
          <TextControl {...workerField("birthDate")} label="Date de naissance" type="date" hint="Déduite du NISS ; seulement si le NISS ne la contient pas" />
        </div>
      </section>
      <section aria-labelledby="titre-contrat">
        <h2 id="titre-contrat" className="text-lg font-semibold text-slate-900">
          Contrat article 60 §7
        </h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <TextControl {...contractField("start")} label="Début du contrat" type="date" required />
          <TextControl {...contractField("plannedEnd")} label="Fin prévue" type="date" required />
          <SelectControl {...contractField("regime")} label="Régime de travail" options={REGIME_OPTIONS} />
          <TextControl {...contractField("daysPerWeek")} label="Jours prestés par semaine" type="number" />
          {state.contract.regime === "PART_TIME" && (
            <>
              <TextControl {...contractField("weeklyHours")} label="Heures par semaine" type="number" step="0.01" />
              <TextControl {...contractField("fullTimeWeeklyHours")} label="Heures d'un temps plein" type="number" step="0.01" />
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="titre-occupations">
        <h2 id="titre-occupations" className="text-lg font-semibold text-slate-900">
          Périodes d&apos;occupation (Belgique et étranger)
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          À partir de 36 ans, encodez aussi les occupations plus anciennes (jusqu&apos;à 14 ans avant le contrat) : certaines conditions comptent les jours de
          travail des 10 ans qui précèdent la période de référence.
        </p>
        {state.employmentPeriods.length === 0 && <p className="mt-2 text-sm text-slate-600">Aucune période encodée.</p>}
        {state.employmentPeriods.map((row, i) => (
          <EmploymentRowFields key={row.key} row={row} index={i} errors={errors} onChange={employment.replace} onRemove={() => employment.remove(row.key)} />
        ))}
        <Button
          type="button"
          variant="secondary"
          className="mt-3"
          onClick={() => {
            employment.append(emptyEmployment());
            focusField(`employmentPeriods.${state.employmentPeriods.length}.employer`);
          }}
        >
          Ajouter une période d&apos;occupation
        </Button>
      </section>
      <section aria-labelledby="titre-assimilees">
        <h2 id="titre-assimilees" className="text-lg font-semibold text-slate-900">
          Périodes assimilées ou assurées
        </h2>
        <p className="mt-1 text-sm text-slate-600">Avant le contrat ; pendant le contrat pour un second calcul (maladie, congé sans solde…).</p>
        {state.assimilatedPeriods.map((row, i) => (
          <AssimilatedRowFields key={row.key} row={row} index={i} errors={errors} onChange={assimilated.replace} onRemove={() => assimilated.remove(row.key)} />
        ))}
        <Button
          type="button"
          variant="secondary"
          className="mt-3"
          onClick={() => {
            assimilated.append(emptyAssimilated());
            focusField(`assimilatedPeriods.${state.assimilatedPeriods.length}.kind`);
          }}
        >
          Ajouter une période assimilée
        </Button>
      </section>
      <Button type="submit" isPending={isPending}>
        {version === undefined ? "Enregistrer le brouillon" : "Enregistrer les modifications"}
      </Button>
    </form>
  );
}
