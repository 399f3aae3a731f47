import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

import { RuStatusBadge } from "@/components/rapport-unique/status-badge";
import { MeasureImport } from "@/components/rapport-unique/measure-import";
import { SectionEditor } from "@/components/rapport-unique/section-editor";
import { ActionForm } from "@/components/ui/action-form";
import { DownloadButton } from "@/components/ui/download-button";
import { loadOrNotFound } from "@/lib/c607/requests/page-context";
import type { RawSection } from "@/lib/rapport-unique/content";
import { sectionOf } from "@/lib/rapport-unique/content";
import type { Section } from "@/lib/rapport-unique/definition";
import { currentLocale, localizeForRequest } from "@/lib/i18n/server";
import { centsToInput, formatCentsIn, fteToInput } from "@/lib/rapport-unique/money";
import { ruPageContext } from "@/lib/rapport-unique/page-context";
import { belgianDay, formDetail } from "@/lib/rapport-unique/queries";
import { EDITABLE } from "@/lib/rapport-unique/workflow";

import { markReadyAction, removeImportAction, returnToMemberAction, reviewFormAction, saveSectionAction, signFormAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ru.form"))("metaTitle") };
}

type Money = (cents: number) => string;
const ARROW = " → ";
type EventKind =
  | "created"
  | "section_saved"
  | "spreadsheet_imported"
  | "spreadsheet_removed"
  | "ready"
  | "signed"
  | "signatures_voided"
  | "returned_by_signer"
  | "sent"
  | "returned_by_sppis"
  | "accepted";
const EVENT_KINDS: ReadonlySet<string> = new Set<EventKind>([
  "created",
  "section_saved",
  "spreadsheet_imported",
  "spreadsheet_removed",
  "ready",
  "signed",
  "signatures_voided",
  "returned_by_signer",
  "sent",
  "returned_by_sppis",
  "accepted",
]);

function toRaw(section: Section, c: ReturnType<typeof sectionOf>): RawSection {
  if (section.kind === "staff")
    return {
      staff: c.staff.map((l) => ({ kind: l.kind, label: l.label, from: l.from, to: l.to, fte: fteToInput(l.fteHundredths), cost: centsToInput(l.costCents) })),
    };
  if (section.kind === "expenses")
    return { expenses: c.expenses.map((l) => ({ category: l.category, description: l.description, amount: centsToInput(l.amountCents) })) };
  return { values: Object.fromEntries(Object.entries(c.values).map(([k, v]) => [k, String(v)])) };
}

export default async function RuFormPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await ruPageContext();
  const { id } = await params;
  const d = await loadOrNotFound(() => formDetail(ctx, id));
  const { form, def, content, grants, check, roles } = d;
  const editable = roles.member && EDITABLE.includes(form.status);
  const activeSignatures = d.signatures.filter((s) => !s.voidedAt);
  const voided = d.signatures.filter((s) => s.voidedAt);
  const mySignerRoles = roles.signerRoles.filter((r) => !activeSignatures.some((s) => s.role === r));
  const alreadySigned = activeSignatures.some((s) => s.signerId === ctx.actor.personId);
  const canSign = form.status === "READY" && mySignerRoles.length > 0 && !alreadySigned;
  const late = new Date().toISOString().slice(0, 10) > form.campaign.deadline.toISOString().slice(0, 10);
  const [t, tr, format, locale] = await Promise.all([getTranslations("ru.form"), getTranslations("ru"), getFormatter(), currentLocale()]);
  const money: Money = (cents) => formatCentsIn(locale, cents);
  const dateTime = (date: Date) => format.dateTime(date, "dateTime");
  const problems = await Promise.all(
    check.problems.map(async (p) => ({ section: await localizeForRequest(p.sectionTitle), message: await localizeForRequest(p.message) })),
  );
  const notes = new Map(await Promise.all(d.events.map(async (e) => [e.id, e.note ? await localizeForRequest(e.note) : null] as const)));

  return (
    <div className="space-y-8">
      <header>
        <p className="text-sm">
          <Link href="/rapport-unique" className="text-brand-700 underline">
            {t("back", { year: form.campaign.year })}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{def.title}</h1>
        <p className="mt-1 text-slate-700">
          {t("subtitle", { centre: d.entity.name, year: def.year })} <RuStatusBadge status={form.status} /> {t("version", { version: form.version })}
        </p>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">{def.description}</p>
        <StateNotice
          status={form.status}
          signed={activeSignatures.length}
          sentAt={form.sentAt}
          decidedAt={form.decidedAt}
          accepted={form.status === "ACCEPTED" ? { justified: Number(form.justifiedCents ?? 0), notJustified: Number(form.notJustifiedCents ?? 0) } : null}
          carriedOver={def.notJustified === "carried_over"}
          money={money}
          dateTime={dateTime}
        />
        {form.returnReason && (form.status === "RETURNED" || form.status === "DRAFT") && (
          <p role="status" className="mt-3 rounded border border-orange-300 bg-orange-50 p-2 text-sm text-orange-950" data-testid="motif-renvoi">
            {t("returned", { reason: form.returnReason })}
          </p>
        )}
        {voided.length > 0 && form.status !== "SENT" && form.status !== "ACCEPTED" && (
          <p className="mt-2 text-sm text-slate-700">{t("voided", { count: voided.length })}</p>
        )}
      </header>

      <section aria-labelledby="totaux">
        <h2 id="totaux" className="text-lg font-semibold">
          {t("amounts")}
        </h2>
        <table className="mt-2 w-full max-w-3xl text-sm" data-testid="totaux-ru">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-2 pr-3">
                {t("envelope")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("granted")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("justified")}
              </th>
              <th scope="col" className="py-2">
                {t("notJustified")}
              </th>
            </tr>
          </thead>
          <tbody>
            {check.envelopes.map((e) => (
              <tr key={e.code} className="border-b border-slate-200">
                <td className="py-2 pr-3">{e.label}</td>
                <td className="py-2 pr-3 tabular-nums">{e.grantedCents === null ? t("grantMissing") : money(e.grantedCents)}</td>
                <td className="py-2 pr-3 tabular-nums">{money(e.justifiedCents)}</td>
                <td className="py-2 tabular-nums">{money(e.notJustifiedCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <td className="py-2 pr-3">{t("total")}</td>
              <td className="py-2 pr-3 tabular-nums">{money(check.grantedCents)}</td>
              <td className="py-2 pr-3 tabular-nums">{money(check.justifiedCents)}</td>
              <td className="py-2 tabular-nums">
                {money(check.notJustifiedCents)} {def.notJustified === "carried_over" ? t("carriedOver") : t("recovered")}
              </td>
            </tr>
          </tfoot>
        </table>
        <p className="mt-1 text-xs text-slate-600">{t("rounding")}</p>
      </section>

      {d.showContent ? (
        <section aria-labelledby="mesures" className="space-y-6">
          <h2 id="mesures" className="text-lg font-semibold">
            {t("measures")}
          </h2>
          {def.sections.map((s) => {
            const c = sectionOf(content, s.code);
            return (
              <div key={s.code} className="rounded border border-slate-300 p-4" data-testid={`mesure-${s.code}`}>
                <h3 className="font-semibold">{s.title}</h3>
                {s.help && <p className="text-sm text-slate-700">{s.help}</p>}
                {c.mode === "SPREADSHEET" && c.spreadsheet && (
                  <div className="mt-2 text-sm" data-testid={`tableur-${s.code}`}>
                    <p>
                      {t("spreadsheet", { fileName: c.spreadsheet.fileName, rows: c.spreadsheet.rows, date: dateTime(new Date(c.spreadsheet.importedAt)) })}
                    </p>
                    {editable && (
                      <ActionForm
                        action={removeImportAction}
                        submitLabel={t("removeImport", { title: s.title })}
                        variant="secondary"
                        label={t("removeImport", { title: s.title })}
                        confirmMessage={t("removeImportConfirm")}
                      >
                        <input type="hidden" name="formId" value={form.id} />
                        <input type="hidden" name="version" value={form.version} />
                        <input type="hidden" name="section" value={s.code} />
                      </ActionForm>
                    )}
                  </div>
                )}
                {editable && c.mode !== "SPREADSHEET" ? (
                  <div className="mt-3">
                    <SectionEditor
                      def={def}
                      section={s}
                      content={content}
                      grants={grants}
                      initial={toRaw(s, c)}
                      version={form.version}
                      formId={form.id}
                      action={saveSectionAction}
                      voidsSignatures={form.status === "READY"}
                    />
                  </div>
                ) : (
                  <ReadOnlySection section={s} content={c} money={money} />
                )}
                {editable && s.kind !== "indicators" && s.importable && c.mode !== "ONLINE" && (
                  <MeasureImport formId={form.id} section={s.code} title={s.title} version={form.version} />
                )}
              </div>
            );
          })}
        </section>
      ) : (
        <p className="text-sm">{t("hidden")}</p>
      )}

      {check.problems.length > 0 && d.side === "CPAS" && (
        <section aria-labelledby="problemes" className="rounded border border-orange-300 bg-orange-50 p-4">
          <h2 id="problemes" className="font-semibold text-orange-950">
            {t("problems", { count: problems.length })}
          </h2>
          <ul className="mt-2 list-disc pl-5 text-sm text-orange-950" data-testid="problemes-ru">
            {problems.map((p, i) => (
              <li key={i}>
                {p.section} — {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      {editable && form.status !== "READY" && (
        <section aria-labelledby="pret">
          <h2 id="pret" className="text-lg font-semibold">
            {t("readyHeading")}
          </h2>
          <p className="text-sm text-slate-700">{t("readyIntro")}</p>
          <ActionForm action={markReadyAction} submitLabel={t("readySubmit")} label={t("readyHeading")}>
            <input type="hidden" name="formId" value={form.id} />
            <input type="hidden" name="version" value={form.version} />
          </ActionForm>
        </section>
      )}

      {(form.status === "READY" || activeSignatures.length > 0) && (
        <section aria-labelledby="signatures">
          <h2 id="signatures" className="text-lg font-semibold">
            {t("signatures")}
          </h2>
          <ul className="mt-2 text-sm" data-testid="signatures-ru">
            {(["SECRETAIRE", "PRESIDENT"] as const).map((r) => {
              const s = activeSignatures.find((x) => x.role === r);
              return (
                <li key={r}>
                  {s ? t("signedBy", { role: tr(`signer.${r}`), name: s.signerName, date: dateTime(s.signedAt) }) : t("notSigned", { role: tr(`signer.${r}`) })}
                </li>
              );
            })}
          </ul>
          {form.contentHash && <p className="mt-1 break-all font-mono text-xs text-slate-700">{t("hash", { hash: form.contentHash })}</p>}
        </section>
      )}

      {canSign && (
        <section aria-labelledby="signer" className="max-w-2xl rounded border border-brand-600 p-4">
          <h2 id="signer" className="text-lg font-semibold">
            {t("signHeading", { version: form.version })}
          </h2>
          <p className="mt-1 text-sm">
            {t.rich("signIntro", {
              justified: money(check.justifiedCents),
              granted: money(check.grantedCents),
              hash: form.contentHash?.slice(0, 16) ?? "",
              mono: (c) => <span className="font-mono">{c}</span>,
            })}
          </p>
          {late && <p className="mt-2 text-sm font-semibold text-red-900">{t("signLate", { deadline: belgianDay(form.campaign.deadline) })}</p>}
          <ActionForm action={signFormAction} submitLabel={t("signSubmit")} className="mt-3 flex flex-wrap items-end gap-3" label={t("signForm")}>
            <input type="hidden" name="formId" value={form.id} />
            <input type="hidden" name="version" value={form.version} />
            <input type="hidden" name="contentHash" value={form.contentHash ?? ""} />
            {mySignerRoles.length > 1 ? (
              <div>
                <label htmlFor="role-signature" className="block text-sm font-medium">
                  {t("signAs")}
                </label>
                <select id="role-signature" name="role" className="mt-1 rounded border border-slate-400 px-2 py-1">
                  {mySignerRoles.map((r) => (
                    <option key={r} value={r}>
                      {tr(`signer.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <input type="hidden" name="role" value={mySignerRoles[0]} />
            )}
            <div>
              <label htmlFor="code-signature" className="block text-sm font-medium">
                {t("signCode")}
              </label>
              <input
                id="code-signature"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="\d{6}"
                maxLength={6}
                required
                className="mt-1 w-32 rounded border border-slate-400 px-2 py-1"
              />
            </div>
          </ActionForm>
        </section>
      )}

      {form.status === "READY" && roles.signerRoles.length > 0 && (
        <section aria-labelledby="renvoyer-membre" className="max-w-2xl">
          <h2 id="renvoyer-membre" className="text-lg font-semibold">
            {t("returnHeading")}
          </h2>
          <p className="text-sm text-slate-700">{t("returnIntro")}</p>
          <ActionForm
            action={returnToMemberAction}
            submitLabel={t("returnSubmit")}
            variant="secondary"
            className="block"
            label={t("returnHeading")}
            confirmMessage={t("returnConfirm")}
          >
            <input type="hidden" name="formId" value={form.id} />
            <input type="hidden" name="version" value={form.version} />
            <label htmlFor="commentaire-renvoi" className="mt-2 block text-sm font-medium">
              {t("returnComment")}
            </label>
            <textarea
              id="commentaire-renvoi"
              name="reason"
              required
              minLength={10}
              maxLength={2000}
              rows={3}
              className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
            />
            <div className="mt-3" />
          </ActionForm>
        </section>
      )}

      {d.side === "SPPIS" && form.status === "SENT" && (
        <section aria-labelledby="decision" className="max-w-2xl rounded border border-brand-600 p-4">
          <h2 id="decision" className="text-lg font-semibold">
            {t("decision")}
          </h2>
          <ActionForm
            action={reviewFormAction}
            submitLabel={t("decide")}
            className="block"
            label={t("decision")}
            buttons={
              <div className="mt-3 flex gap-3">
                <button
                  type="submit"
                  name="decision"
                  value="accept"
                  className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800"
                >
                  {t("accept")}
                </button>
                <button
                  type="submit"
                  name="decision"
                  value="return"
                  className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
                >
                  {t("sendBack")}
                </button>
              </div>
            }
          >
            <input type="hidden" name="formId" value={form.id} />
            <input type="hidden" name="version" value={form.version} />
            <label htmlFor="motif-decision" className="block text-sm font-medium">
              {t("reason")}
            </label>
            <textarea id="motif-decision" name="reason" maxLength={2000} rows={3} className="mt-1 block w-full rounded border border-slate-400 px-2 py-1" />
          </ActionForm>
        </section>
      )}

      {(form.status === "SENT" || form.status === "ACCEPTED") && (
        <div>
          <DownloadButton action={`/api/rapport-unique/formulaires/${form.id}/pdf`}>{t("pdf")}</DownloadButton>
        </div>
      )}

      <section aria-labelledby="regles" className="max-w-3xl">
        <h2 id="regles" className="text-lg font-semibold">
          {t("rules")}
        </h2>
        <ul className="mt-2 list-disc pl-5 text-sm">
          {def.rules.map((r, i) => (
            <li key={i}>
              {r.text} <span className="text-slate-600">{t("ruleSource", { source: r.source })}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="historique-ru">
        <h2 id="historique-ru" className="text-lg font-semibold">
          {t("history")}
        </h2>
        <ol className="mt-3 space-y-3 border-l-2 border-slate-300 pl-4" data-testid="historique-ru">
          {d.events.map((e) => (
            <li key={e.id}>
              <p className="text-sm font-semibold">
                {EVENT_KINDS.has(e.kind) ? tr(`event.${e.kind as EventKind}`) : tr("event.other")}
                {e.toStatus && e.fromStatus !== e.toStatus && (
                  <span className="font-normal">
                    {ARROW}
                    {tr(`status.${e.toStatus}`)}
                  </span>
                )}
              </p>
              <p className="text-xs text-slate-600">
                {dateTime(e.createdAt)} — {e.actorName}
              </p>
              {notes.get(e.id) && <p className="mt-1 text-sm">{notes.get(e.id)}</p>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** What the form waits for, said in words that stay on screen after the action that changed it. */
async function StateNotice(o: {
  status: string;
  signed: number;
  sentAt: Date | null;
  decidedAt: Date | null;
  accepted: { justified: number; notJustified: number } | null;
  carriedOver: boolean;
  money: Money;
  dateTime: (d: Date) => string;
}) {
  const t = await getTranslations("ru.form");
  const text =
    o.status === "READY"
      ? t("stateReady", { signed: o.signed })
      : o.status === "SENT"
        ? t("stateSent", { date: o.sentAt ? o.dateTime(o.sentAt) : "—" })
        : o.status === "ACCEPTED" && o.accepted
          ? t("stateAccepted", {
              date: o.decidedAt ? o.dateTime(o.decidedAt) : "—",
              justified: o.money(o.accepted.justified),
              notJustified: o.money(o.accepted.notJustified),
              outcome: !o.accepted.notJustified ? "none" : o.carriedOver ? "carried" : "recovered",
            })
          : null;
  if (!text) return null;
  return (
    <p role="status" className="mt-3 rounded border border-slate-300 bg-slate-50 p-2 text-sm" data-testid="etat-ru">
      {text}
    </p>
  );
}

async function ReadOnlySection({ section, content, money }: { section: Section; content: ReturnType<typeof sectionOf>; money: Money }) {
  const [t, format] = await Promise.all([getTranslations("ru.form"), getFormatter()]);
  if (section.kind === "staff") {
    if (!content.staff.length) return <p className="mt-2 text-sm text-slate-700">{t("noLines")}</p>;
    return (
      <table className="mt-2 w-full text-sm">
        <thead>
          <tr className="text-left text-xs">
            <th scope="col">{t("personOrFunction")}</th>
            <th scope="col">{t("period")}</th>
            <th scope="col">{t("fte")}</th>
            <th scope="col">{t("cost")}</th>
          </tr>
        </thead>
        <tbody>
          {content.staff.map((l, i) => (
            <tr key={i} className="border-t border-slate-200">
              <td className="py-1 pr-2">{l.label}</td>
              <td className="py-1 pr-2">
                {l.from.split("-").reverse().join("/")} – {l.to.split("-").reverse().join("/")}
              </td>
              <td className="py-1 pr-2">{format.number(l.fteHundredths / 100, { minimumFractionDigits: 2 })}</td>
              <td className="py-1 tabular-nums">{money(l.costCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (section.kind === "expenses") {
    if (!content.expenses.length) return <p className="mt-2 text-sm text-slate-700">{t("noExpenses")}</p>;
    return (
      <table className="mt-2 w-full text-sm">
        <thead>
          <tr className="text-left text-xs">
            <th scope="col">{t("category")}</th>
            <th scope="col">{t("description")}</th>
            <th scope="col">{t("amount")}</th>
          </tr>
        </thead>
        <tbody>
          {content.expenses.map((l, i) => (
            <tr key={i} className="border-t border-slate-200">
              <td className="py-1 pr-2">{section.categories.find((c) => c.code === l.category)?.label ?? l.category}</td>
              <td className="py-1 pr-2">{l.description}</td>
              <td className="py-1 tabular-nums">{money(l.amountCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
      {section.fields.map((f) => (
        <div key={f.code}>
          <dt className="inline font-medium">{t("fieldValue", { label: f.label })}</dt>
          <dd className="inline">{content.values[f.code] ?? t("notFilled")}</dd>
        </div>
      ))}
    </dl>
  );
}
