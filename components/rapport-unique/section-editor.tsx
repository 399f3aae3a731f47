"use client";

import { useMemo, useState } from "react";

import { ActionForm } from "@/components/ui/action-form";
import { checkForm } from "@/lib/rapport-unique/check-form";
import { type FormContent, parseSectionInput, type RawExpenseLine, type RawSection, type RawStaffLine } from "@/lib/rapport-unique/content";
import type { FormDefinition, Section } from "@/lib/rapport-unique/definition";
import { formatCents } from "@/lib/rapport-unique/money";

type State =
  { status: "idle" } | { status: "error"; message: string; fieldErrors?: Record<string, string[]> } | { status: "success"; message?: string; data: unknown };

const input = "w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm";

/**
 * One measure (section) of a form, encoded online. The same parsing and rules as the server run as
 * the person types: typing errors under each field, rule problems and the envelope's totals below.
 * The server decides on save.
 */
export function SectionEditor({
  def,
  section,
  content,
  grants,
  initial,
  version,
  formId,
  action,
  voidsSignatures,
}: {
  def: FormDefinition;
  section: Section;
  content: FormContent;
  grants: Record<string, number>;
  initial: RawSection;
  version: number;
  formId: string;
  action: (state: State, form: FormData) => Promise<State>;
  voidsSignatures: boolean;
}) {
  const [raw, setRaw] = useState<RawSection>(initial);
  const parsed = useMemo(() => parseSectionInput(section, raw), [section, raw]);
  const live = useMemo(() => {
    if (!parsed.ok) return null;
    const next: FormContent = { sections: { ...content.sections, [section.code]: { ...content.sections[section.code]!, ...parsed.section } } };
    return checkForm(def, next, grants);
  }, [parsed, content, def, grants, section.code]);
  const errors = parsed.ok ? {} : parsed.errors;
  const err = (path: string) => errors[path]?.join(" ");
  const cellId = (path: string) => `${section.code}-${path.replace(/\./g, "-")}`;
  const setStaff = (i: number, patch: Partial<RawStaffLine>) =>
    setRaw((r) => ({ ...r, staff: (r.staff ?? []).map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
  const setExpense = (i: number, patch: Partial<RawExpenseLine>) =>
    setRaw((r) => ({ ...r, expenses: (r.expenses ?? []).map((l, j) => (j === i ? { ...l, ...patch } : l)) }));

  const cell = (
    path: string,
    label: string,
    el: (p: { id: string; "aria-label": string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode,
  ) => {
    const id = cellId(path);
    const e = err(path);
    return (
      <td className="py-1 pr-2 align-top">
        {el({ id, "aria-label": label, "aria-invalid": e ? true : undefined, "aria-describedby": e ? `${id}-err` : undefined })}
        {e && (
          <p id={`${id}-err`} className="mt-0.5 text-xs text-red-800">
            {e}
          </p>
        )}
      </td>
    );
  };

  const problems = live?.problems.filter((p) => p.section === section.code || ("envelope" in section && p.section === section.envelope)) ?? [];
  const envelope = "envelope" in section ? live?.envelopes.find((e) => e.code === section.envelope) : undefined;

  return (
    <ActionForm
      action={action}
      submitLabel={`Enregistrer « ${section.title} »`}
      className="block"
      label={section.title}
      confirmMessage={
        voidsSignatures
          ? "Ce formulaire attend les signatures : le modifier annule les signatures déjà données et le remet en encodage. Continuer ?"
          : undefined
      }
    >
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="section" value={section.code} />
      <input type="hidden" name="payload" value={JSON.stringify(raw)} />
      {section.kind === "staff" && (
        <>
          {(raw.staff ?? []).length === 0 && <p className="text-sm text-slate-700">Aucune ligne encodée.</p>}
          <table className={(raw.staff ?? []).length ? "w-full text-sm" : "hidden"}>
            <thead>
              <tr className="text-left text-xs text-slate-700">
                <th scope="col">Personne ou fonction</th>
                <th scope="col">Nom / fonction</th>
                <th scope="col">Du</th>
                <th scope="col">Au</th>
                <th scope="col">ETP</th>
                <th scope="col">Coût (€)</th>
                <th scope="col">
                  <span className="sr-only">Retirer</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(raw.staff ?? []).map((l, i) => {
                const n = i + 1;
                return (
                  <tr key={i}>
                    {cell(`staff.${i}.kind`, `Ligne ${n} — personne ou fonction`, (p) => (
                      <select {...p} className={input} value={l.kind ?? "PERSON"} onChange={(e) => setStaff(i, { kind: e.target.value })}>
                        <option value="PERSON">Personne</option>
                        <option value="FUNCTION">Fonction</option>
                      </select>
                    ))}
                    {cell(`staff.${i}.label`, `Ligne ${n} — nom ou fonction`, (p) => (
                      <input {...p} className={input} value={l.label ?? ""} onChange={(e) => setStaff(i, { label: e.target.value })} maxLength={120} />
                    ))}
                    {cell(`staff.${i}.from`, `Ligne ${n} — du`, (p) => (
                      <input {...p} type="date" className={input} value={l.from ?? ""} onChange={(e) => setStaff(i, { from: e.target.value })} />
                    ))}
                    {cell(`staff.${i}.to`, `Ligne ${n} — au`, (p) => (
                      <input {...p} type="date" className={input} value={l.to ?? ""} onChange={(e) => setStaff(i, { to: e.target.value })} />
                    ))}
                    {cell(`staff.${i}.fte`, `Ligne ${n} — ETP`, (p) => (
                      <input
                        {...p}
                        inputMode="decimal"
                        className={`${input} w-20`}
                        value={l.fte ?? ""}
                        onChange={(e) => setStaff(i, { fte: e.target.value })}
                      />
                    ))}
                    {cell(`staff.${i}.cost`, `Ligne ${n} — coût en euros`, (p) => (
                      <input {...p} inputMode="decimal" className={input} value={l.cost ?? ""} onChange={(e) => setStaff(i, { cost: e.target.value })} />
                    ))}
                    <RemoveCell line={n} onRemove={() => setRaw((r) => ({ ...r, staff: (r.staff ?? []).filter((_, j) => j !== i) }))} />
                  </tr>
                );
              })}
            </tbody>
          </table>
          <AddButton
            label="Ajouter une ligne de personnel"
            onAdd={() => setRaw((r) => ({ ...r, staff: [...(r.staff ?? []), { kind: "PERSON", from: `${def.year}-01-01`, to: `${def.year}-12-31` }] }))}
          />
        </>
      )}
      {section.kind === "expenses" && (
        <>
          {(raw.expenses ?? []).length === 0 && <p className="text-sm text-slate-700">Aucune dépense encodée.</p>}
          <table className={(raw.expenses ?? []).length ? "w-full text-sm" : "hidden"}>
            <thead>
              <tr className="text-left text-xs text-slate-700">
                <th scope="col">Catégorie</th>
                <th scope="col">Description</th>
                <th scope="col">Montant (€)</th>
                <th scope="col">
                  <span className="sr-only">Retirer</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(raw.expenses ?? []).map((l, i) => {
                const n = i + 1;
                return (
                  <tr key={i}>
                    {cell(`expenses.${i}.category`, `Ligne ${n} — catégorie`, (p) => (
                      <select {...p} className={input} value={l.category ?? ""} onChange={(e) => setExpense(i, { category: e.target.value })}>
                        <option value="">— choisir —</option>
                        {section.categories.map((c) => (
                          <option key={c.code} value={c.code}>
                            {c.label}
                            {c.eligible ? "" : " (non éligible)"}
                          </option>
                        ))}
                      </select>
                    ))}
                    {cell(`expenses.${i}.description`, `Ligne ${n} — description`, (p) => (
                      <input
                        {...p}
                        className={input}
                        value={l.description ?? ""}
                        onChange={(e) => setExpense(i, { description: e.target.value })}
                        maxLength={200}
                      />
                    ))}
                    {cell(`expenses.${i}.amount`, `Ligne ${n} — montant en euros`, (p) => (
                      <input {...p} inputMode="decimal" className={input} value={l.amount ?? ""} onChange={(e) => setExpense(i, { amount: e.target.value })} />
                    ))}
                    <RemoveCell line={n} onRemove={() => setRaw((r) => ({ ...r, expenses: (r.expenses ?? []).filter((_, j) => j !== i) }))} />
                  </tr>
                );
              })}
            </tbody>
          </table>
          <AddButton label="Ajouter une dépense" onAdd={() => setRaw((r) => ({ ...r, expenses: [...(r.expenses ?? []), {}] }))} />
        </>
      )}
      {section.kind === "indicators" && (
        <div className="grid gap-3 sm:grid-cols-2">
          {section.fields.map((f) => {
            const id = cellId(`values.${f.code}`);
            const e = err(`values.${f.code}`);
            return (
              <div key={f.code}>
                <label htmlFor={id} className="block text-sm font-medium">
                  {f.label}
                </label>
                <input
                  id={id}
                  inputMode="numeric"
                  className={input}
                  value={raw.values?.[f.code] ?? ""}
                  aria-invalid={e ? true : undefined}
                  aria-describedby={e ? `${id}-err` : undefined}
                  onChange={(ev) => setRaw((r) => ({ ...r, values: { ...r.values, [f.code]: ev.target.value } }))}
                />
                {e && (
                  <p id={`${id}-err`} className="mt-0.5 text-xs text-red-800">
                    {e}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      )}
      <div className="mt-3 basis-full text-sm" aria-live="polite" data-testid={`controle-${section.code}`}>
        {!parsed.ok && <p className="text-red-800">Des valeurs sont invalides (voir les champs signalés).</p>}
        {envelope && (
          <p>
            Enveloppe « {envelope.label} » : justifié {formatCents(envelope.justifiedCents)} sur{" "}
            {envelope.grantedCents === null ? "— (montant octroyé pas encore encodé)" : formatCents(envelope.grantedCents)}.
          </p>
        )}
        {problems.length > 0 && (
          <ul className="mt-1 list-disc pl-5 text-orange-900">
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="mt-3" />
    </ActionForm>
  );
}

function RemoveCell({ line, onRemove }: { line: number; onRemove: () => void }) {
  return (
    <td className="py-1 align-top">
      <button type="button" className="text-sm text-red-800 underline" onClick={onRemove}>
        Retirer<span className="sr-only"> la ligne {line}</span>
      </button>
    </td>
  );
}

function AddButton({ label, onAdd }: { label: string; onAdd: () => void }) {
  return (
    <button type="button" className="mt-2 rounded border border-slate-400 px-3 py-1 text-sm" onClick={onAdd}>
      {label}
    </button>
  );
}
