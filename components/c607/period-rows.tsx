"use client";

import { useTranslations } from "next-intl";

import { ASSIMILATED_KINDS } from "@/lib/c607/types";

import { fieldId, SelectControl, TextControl, useRegimeOptions } from "./form-controls";
import type { AssimilatedRow, EmploymentRow } from "./form-state";

type Errors = Record<string, string[]> | undefined;
const GRID = "grid gap-3 sm:grid-cols-2 lg:grid-cols-4";

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="mt-3 text-sm text-red-800 underline underline-offset-4 hover:text-red-900">
      {label}
    </button>
  );
}

export function EmploymentRowFields({
  row,
  index,
  errors,
  onChange,
  onRemove,
}: {
  row: EmploymentRow;
  index: number;
  errors: Errors;
  onChange: (r: EmploymentRow) => void;
  onRemove: () => void;
}) {
  const p = `employmentPeriods.${index}`;
  const set = (patch: Partial<EmploymentRow>) => onChange({ ...row, ...patch });
  const t = useTranslations("c607.form");
  const regimeOptions = useRegimeOptions();
  return (
    <fieldset className="mt-4 rounded border border-slate-300 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">{t("employmentLegend", { n: index + 1 })}</legend>
      <div className={GRID}>
        <TextControl
          path={`${p}.employer`}
          label={t("employer")}
          value={row.employer}
          onChange={(v) => set({ employer: v })}
          errors={errors}
          className="lg:col-span-2"
        />
        <TextControl
          path={`${p}.country`}
          label={t("country")}
          hint={t("countryHint")}
          value={row.country}
          onChange={(v) => set({ country: v })}
          errors={errors}
        />
        <SelectControl
          path={`${p}.regime`}
          label={t("rowRegime")}
          value={row.regime}
          onChange={(v) => set({ regime: v })}
          options={regimeOptions}
          errors={errors}
        />
        <TextControl path={`${p}.from`} label={t("from")} type="date" value={row.from} onChange={(v) => set({ from: v })} errors={errors} />
        <TextControl path={`${p}.to`} label={t("to")} type="date" value={row.to} onChange={(v) => set({ to: v })} errors={errors} />
        {row.regime === "PART_TIME" ? (
          <>
            <TextControl
              path={`${p}.weeklyHours`}
              label={t("weeklyHours")}
              type="number"
              step="0.01"
              value={row.weeklyHours}
              onChange={(v) => set({ weeklyHours: v })}
              errors={errors}
            />
            <TextControl
              path={`${p}.fullTimeWeeklyHours`}
              label={t("fullTimeWeeklyHours")}
              type="number"
              step="0.01"
              value={row.fullTimeWeeklyHours}
              onChange={(v) => set({ fullTimeWeeklyHours: v })}
              errors={errors}
            />
            <TextControl
              path={`${p}.declaredHours`}
              label={t("declaredHours")}
              type="number"
              step="0.01"
              value={row.declaredHours}
              onChange={(v) => set({ declaredHours: v })}
              errors={errors}
            />
          </>
        ) : (
          <TextControl
            path={`${p}.declaredDays`}
            label={t("declaredDays")}
            type="number"
            value={row.declaredDays}
            onChange={(v) => set({ declaredDays: v })}
            errors={errors}
            className="lg:col-span-2"
          />
        )}
      </div>
      <RemoveButton label={t("removeEmployment", { n: index + 1 })} onClick={onRemove} />
    </fieldset>
  );
}

export function AssimilatedRowFields({
  row,
  index,
  errors,
  onChange,
  onRemove,
}: {
  row: AssimilatedRow;
  index: number;
  errors: Errors;
  onChange: (r: AssimilatedRow) => void;
  onRemove: () => void;
}) {
  const p = `assimilatedPeriods.${index}`;
  const set = (patch: Partial<AssimilatedRow>) => onChange({ ...row, ...patch });
  const t = useTranslations("c607");
  const kindOptions = ASSIMILATED_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }));
  return (
    <fieldset className="mt-4 rounded border border-slate-300 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">{t("form.assimilatedLegend", { n: index + 1 })}</legend>
      <div className={GRID}>
        <SelectControl path={`${p}.kind`} label={t("form.kind")} value={row.kind} onChange={(v) => set({ kind: v })} options={kindOptions} errors={errors} />
        <TextControl
          path={`${p}.label`}
          label={row.kind === "OTHER" ? t("form.labelRequired") : t("form.labelOptional")}
          value={row.label}
          onChange={(v) => set({ label: v })}
          errors={errors}
        />
        <TextControl path={`${p}.from`} label={t("form.from")} type="date" value={row.from} onChange={(v) => set({ from: v })} errors={errors} />
        <TextControl path={`${p}.to`} label={t("form.to")} type="date" value={row.to} onChange={(v) => set({ to: v })} errors={errors} />
      </div>
      <RemoveButton label={t("form.removeAssimilated", { n: index + 1 })} onClick={onRemove} />
    </fieldset>
  );
}

/** After adding a row, keyboard focus goes to its first field. */
export function focusField(path: string): void {
  requestAnimationFrame(() => document.getElementById(fieldId(path))?.focus());
}
