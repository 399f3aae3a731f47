"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";

import { ActionForm } from "@/components/ui/action-form";
import { checkForm } from "@/lib/rapport-unique/check-form";
import { type FormContent, parseSectionInput, type RawExpenseLine, type RawSection, type RawStaffLine } from "@/lib/rapport-unique/content";
import type { FormDefinition, Section } from "@/lib/rapport-unique/definition";
import { formatCentsIn } from "@/lib/rapport-unique/money";

import { useLocalize } from "@/components/i18n/use-localize";

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
  const t = useTranslations("ru.editor");
  const localize = useLocalize();
  const locale = useLocale().startsWith("nl") ? "nl" : "fr";
  const money = (cents: number) => formatCentsIn(locale, cents);
  const [raw, setRaw] = useState<RawSection>(initial);
  const parsed = useMemo(() => parseSectionInput(section, raw), [section, raw]);
  const live = useMemo(() => {
    if (!parsed.ok) return null;
    const next: FormContent = { sections: { ...content.sections, [section.code]: { ...content.sections[section.code]!, ...parsed.section } } };
    return checkForm(def, next, grants);
  }, [parsed, content, def, grants, section.code]);
  const errors = parsed.ok ? {} : parsed.errors;
  const err = (path: string) => errors[path]?.map(localize).join(" ");
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
      submitLabel={t("save", { title: section.title })}
      className="block"
      label={section.title}
      confirmMessage={voidsSignatures ? t("voidConfirm") : undefined}
    >
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="section" value={section.code} />
      <input type="hidden" name="payload" value={JSON.stringify(raw)} />
      {section.kind === "staff" && (
        <>
          {(raw.staff ?? []).length === 0 && <p className="text-sm text-slate-700">{t("noStaff")}</p>}
          <table className={(raw.staff ?? []).length ? "w-full text-sm" : "hidden"}>
            <thead>
              <tr className="text-left text-xs text-slate-700">
                <th scope="col">{t("personOrFunction")}</th>
                <th scope="col">{t("nameOrFunction")}</th>
                <th scope="col">{t("from")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("fte")}</th>
                <th scope="col">{t("costEuro")}</th>
                <th scope="col">
                  <span className="sr-only">{t("remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(raw.staff ?? []).map((l, i) => {
                const n = i + 1;
                return (
                  <tr key={i}>
                    {cell(`staff.${i}.kind`, t("cellKind", { line: n }), (p) => (
                      <select {...p} className={input} value={l.kind ?? "PERSON"} onChange={(e) => setStaff(i, { kind: e.target.value })}>
                        <option value="PERSON">{t("person")}</option>
                        <option value="FUNCTION">{t("function")}</option>
                      </select>
                    ))}
                    {cell(`staff.${i}.label`, t("cellLabel", { line: n }), (p) => (
                      <input {...p} className={input} value={l.label ?? ""} onChange={(e) => setStaff(i, { label: e.target.value })} maxLength={120} />
                    ))}
                    {cell(`staff.${i}.from`, t("cellFrom", { line: n }), (p) => (
                      <input {...p} type="date" className={input} value={l.from ?? ""} onChange={(e) => setStaff(i, { from: e.target.value })} />
                    ))}
                    {cell(`staff.${i}.to`, t("cellTo", { line: n }), (p) => (
                      <input {...p} type="date" className={input} value={l.to ?? ""} onChange={(e) => setStaff(i, { to: e.target.value })} />
                    ))}
                    {cell(`staff.${i}.fte`, t("cellFte", { line: n }), (p) => (
                      <input
                        {...p}
                        inputMode="decimal"
                        className={`${input} w-20`}
                        value={l.fte ?? ""}
                        onChange={(e) => setStaff(i, { fte: e.target.value })}
                      />
                    ))}
                    {cell(`staff.${i}.cost`, t("cellCost", { line: n }), (p) => (
                      <input {...p} inputMode="decimal" className={input} value={l.cost ?? ""} onChange={(e) => setStaff(i, { cost: e.target.value })} />
                    ))}
                    <RemoveCell line={n} onRemove={() => setRaw((r) => ({ ...r, staff: (r.staff ?? []).filter((_, j) => j !== i) }))} />
                  </tr>
                );
              })}
            </tbody>
          </table>
          <AddButton
            label={t("addStaff")}
            onAdd={() => setRaw((r) => ({ ...r, staff: [...(r.staff ?? []), { kind: "PERSON", from: `${def.year}-01-01`, to: `${def.year}-12-31` }] }))}
          />
        </>
      )}
      {section.kind === "expenses" && (
        <>
          {(raw.expenses ?? []).length === 0 && <p className="text-sm text-slate-700">{t("noExpenses")}</p>}
          <table className={(raw.expenses ?? []).length ? "w-full text-sm" : "hidden"}>
            <thead>
              <tr className="text-left text-xs text-slate-700">
                <th scope="col">{t("category")}</th>
                <th scope="col">{t("description")}</th>
                <th scope="col">{t("amountEuro")}</th>
                <th scope="col">
                  <span className="sr-only">{t("remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(raw.expenses ?? []).map((l, i) => {
                const n = i + 1;
                return (
                  <tr key={i}>
                    {cell(`expenses.${i}.category`, t("cellCategory", { line: n }), (p) => (
                      <select {...p} className={input} value={l.category ?? ""} onChange={(e) => setExpense(i, { category: e.target.value })}>
                        <option value="">{t("choose")}</option>
                        {section.categories.map((c) => (
                          <option key={c.code} value={c.code}>
                            {c.label}
                            {c.eligible ? "" : t("notEligible")}
                          </option>
                        ))}
                      </select>
                    ))}
                    {cell(`expenses.${i}.description`, t("cellDescription", { line: n }), (p) => (
                      <input
                        {...p}
                        className={input}
                        value={l.description ?? ""}
                        onChange={(e) => setExpense(i, { description: e.target.value })}
                        maxLength={200}
                      />
                    ))}
                    {cell(`expenses.${i}.amount`, t("cellAmount", { line: n }), (p) => (
                      <input {...p} inputMode="decimal" className={input} value={l.amount ?? ""} onChange={(e) => setExpense(i, { amount: e.target.value })} />
                    ))}
                    <RemoveCell line={n} onRemove={() => setRaw((r) => ({ ...r, expenses: (r.expenses ?? []).filter((_, j) => j !== i) }))} />
                  </tr>
                );
              })}
            </tbody>
          </table>
          <AddButton label={t("addExpense")} onAdd={() => setRaw((r) => ({ ...r, expenses: [...(r.expenses ?? []), {}] }))} />
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
        {!parsed.ok && <p className="text-red-800">{t("invalid")}</p>}
        {envelope && (
          <p>
            {t("envelope", {
              label: envelope.label,
              justified: money(envelope.justifiedCents),
              granted: envelope.grantedCents === null ? t("grantMissing") : money(envelope.grantedCents),
            })}
          </p>
        )}
        {problems.length > 0 && (
          <ul className="mt-1 list-disc pl-5 text-orange-900">
            {problems.map((p, i) => (
              <li key={i}>{localize(p.message)}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="mt-3" />
    </ActionForm>
  );
}

function RemoveCell({ line, onRemove }: { line: number; onRemove: () => void }) {
  const t = useTranslations("ru.editor");
  return (
    <td className="py-1 align-top">
      <button type="button" className="text-sm text-red-800 underline" onClick={onRemove}>
        {t("remove")}
        <span className="sr-only">{t("removeLine", { line })}</span>
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
