"use client";

import { ASSIMILATED_KIND_LABELS, ASSIMILATED_KINDS } from "@/lib/c607/types";

import { fieldId, REGIME_OPTIONS, SelectControl, TextControl } from "./form-controls";
import type { AssimilatedRow, EmploymentRow } from "./form-state";

type Errors = Record<string, string[]> | undefined;
const KIND_OPTIONS = ASSIMILATED_KINDS.map((k) => ({
  value: k,
  label: ASSIMILATED_KIND_LABELS[k],
}));
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
  return (
    <fieldset className="mt-4 rounded border border-slate-300 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">Période d&apos;occupation n° {index + 1}</legend>
      <div className={GRID}>
        <TextControl
          path={`${p}.employer`}
          label="Employeur"
          value={row.employer}
          onChange={(v) => set({ employer: v })}
          errors={errors}
          className="lg:col-span-2"
        />
        <TextControl
          path={`${p}.country`}
          label="Pays (code ISO)"
          hint="BE pour la Belgique"
          value={row.country}
          onChange={(v) => set({ country: v })}
          errors={errors}
        />
        <SelectControl path={`${p}.regime`} label="Régime" value={row.regime} onChange={(v) => set({ regime: v })} options={REGIME_OPTIONS} errors={errors} />
        <TextControl path={`${p}.from`} label="Du" type="date" value={row.from} onChange={(v) => set({ from: v })} errors={errors} />
        <TextControl path={`${p}.to`} label="Au" type="date" value={row.to} onChange={(v) => set({ to: v })} errors={errors} />
        {row.regime === "PART_TIME" ? (
          <>
            <TextControl
              path={`${p}.weeklyHours`}
              label="Heures par semaine"
              type="number"
              step="0.01"
              value={row.weeklyHours}
              onChange={(v) => set({ weeklyHours: v })}
              errors={errors}
            />
            <TextControl
              path={`${p}.fullTimeWeeklyHours`}
              label="Heures d'un temps plein"
              type="number"
              step="0.01"
              value={row.fullTimeWeeklyHours}
              onChange={(v) => set({ fullTimeWeeklyHours: v })}
              errors={errors}
            />
            <TextControl
              path={`${p}.declaredHours`}
              label="Heures prestées (facultatif)"
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
            label="Jours prestés (travail non continu, facultatif)"
            type="number"
            value={row.declaredDays}
            onChange={(v) => set({ declaredDays: v })}
            errors={errors}
            className="lg:col-span-2"
          />
        )}
      </div>
      <RemoveButton label={`Supprimer la période d'occupation n° ${index + 1}`} onClick={onRemove} />
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
  return (
    <fieldset className="mt-4 rounded border border-slate-300 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">Période assimilée n° {index + 1}</legend>
      <div className={GRID}>
        <SelectControl path={`${p}.kind`} label="Type" value={row.kind} onChange={(v) => set({ kind: v })} options={KIND_OPTIONS} errors={errors} />
        <TextControl
          path={`${p}.label`}
          label={row.kind === "OTHER" ? "Libellé (obligatoire)" : "Libellé (facultatif)"}
          value={row.label}
          onChange={(v) => set({ label: v })}
          errors={errors}
        />
        <TextControl path={`${p}.from`} label="Du" type="date" value={row.from} onChange={(v) => set({ from: v })} errors={errors} />
        <TextControl path={`${p}.to`} label="Au" type="date" value={row.to} onChange={(v) => set({ to: v })} errors={errors} />
      </div>
      <RemoveButton label={`Supprimer la période assimilée n° ${index + 1}`} onClick={onRemove} />
    </fieldset>
  );
}

/** After adding a row, keyboard focus goes to its first field. */
export function focusField(path: string): void {
  requestAnimationFrame(() => document.getElementById(fieldId(path))?.focus());
}
