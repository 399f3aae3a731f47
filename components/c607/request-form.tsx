"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/alert";
import type { TRequestContent } from "@/lib/c607/requests/schemas";
import type { ActionState } from "@/lib/http/server-action";

import { SelectControl, TextControl, useRegimeOptions } from "./form-controls";
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
  const t = useTranslations("c607.form");
  const regimeOptions = useRegimeOptions();
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
    <form method="post" onSubmit={onSubmit} noValidate className="mt-6 space-y-8">
      {result.status === "error" && (
        <ErrorAlert>
          {result.message}
          {errors?.["_"] ? ` ${errors["_"].join(" ")}` : ""}
        </ErrorAlert>
      )}
      <section aria-labelledby="titre-travailleur">
        <h2 id="titre-travailleur" className="text-lg font-semibold text-slate-900">
          {t("worker")}
        </h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <TextControl {...workerField("niss")} label={t("niss")} hint={t("nissHint")} required />
          <TextControl {...workerField("lastName")} label={t("lastName")} required />
          <TextControl {...workerField("firstName")} label={t("firstName")} required />
          <TextControl {...workerField("birthDate")} label={t("birthDate")} type="date" hint={t("birthDateHint")} />
        </div>
      </section>
      <section aria-labelledby="titre-contrat">
        <h2 id="titre-contrat" className="text-lg font-semibold text-slate-900">
          {t("contract")}
        </h2>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <TextControl {...contractField("start")} label={t("start")} type="date" required />
          <TextControl {...contractField("plannedEnd")} label={t("plannedEnd")} type="date" required />
          <SelectControl {...contractField("regime")} label={t("regime")} options={regimeOptions} />
          <TextControl {...contractField("daysPerWeek")} label={t("daysPerWeek")} type="number" />
          {state.contract.regime === "PART_TIME" && (
            <>
              <TextControl {...contractField("weeklyHours")} label={t("weeklyHours")} type="number" step="0.01" />
              <TextControl {...contractField("fullTimeWeeklyHours")} label={t("fullTimeWeeklyHours")} type="number" step="0.01" />
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="titre-occupations">
        <h2 id="titre-occupations" className="text-lg font-semibold text-slate-900">
          {t("employmentTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("employmentHint")}</p>
        {state.employmentPeriods.length === 0 && <p className="mt-2 text-sm text-slate-600">{t("noPeriods")}</p>}
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
          {t("addEmployment")}
        </Button>
      </section>
      <section aria-labelledby="titre-assimilees">
        <h2 id="titre-assimilees" className="text-lg font-semibold text-slate-900">
          {t("assimilatedTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("assimilatedHint")}</p>
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
          {t("addAssimilated")}
        </Button>
      </section>
      <Button type="submit" isPending={isPending}>
        {version === undefined ? t("saveDraft") : t("saveChanges")}
      </Button>
    </form>
  );
}
