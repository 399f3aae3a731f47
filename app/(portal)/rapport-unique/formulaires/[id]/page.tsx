import type { Metadata } from "next";
import Link from "next/link";

import { RuStatusBadge } from "@/components/rapport-unique/status-badge";
import { MeasureImport } from "@/components/rapport-unique/measure-import";
import { SectionEditor } from "@/components/rapport-unique/section-editor";
import { ActionForm } from "@/components/ui/action-form";
import { DownloadButton } from "@/components/ui/download-button";
import { loadOrNotFound } from "@/lib/c607/requests/page-context";
import type { RawSection } from "@/lib/rapport-unique/content";
import { sectionOf } from "@/lib/rapport-unique/content";
import type { Section } from "@/lib/rapport-unique/definition";
import { EVENT_LABELS, SIGNER_LABELS, STATUS_LABELS } from "@/lib/rapport-unique/labels";
import { centsToInput, formatCents, fteToInput } from "@/lib/rapport-unique/money";
import { ruPageContext } from "@/lib/rapport-unique/page-context";
import { belgianDay, formDetail } from "@/lib/rapport-unique/queries";
import { EDITABLE } from "@/lib/rapport-unique/workflow";

import { markReadyAction, removeImportAction, returnToMemberAction, reviewFormAction, saveSectionAction, signFormAction } from "../../actions";

export const metadata: Metadata = { title: "Formulaire du Rapport unique" };

const dateTime = (d: Date) => new Intl.DateTimeFormat("fr-BE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Brussels" }).format(d);

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

  return (
    <div className="space-y-8">
      <header>
        <p className="text-sm">
          <Link href="/rapport-unique" className="text-brand-700 underline">
            Rapport unique {form.campaign.year}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{def.title}</h1>
        <p className="mt-1 text-slate-700">
          {d.entity.name} — subventions {def.year} — <RuStatusBadge status={form.status} /> — version {form.version}
        </p>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">{def.description}</p>
        <StateNotice
          status={form.status}
          signed={activeSignatures.length}
          sentAt={form.sentAt}
          decidedAt={form.decidedAt}
          accepted={form.status === "ACCEPTED" ? { justified: Number(form.justifiedCents ?? 0), notJustified: Number(form.notJustifiedCents ?? 0) } : null}
          carriedOver={def.notJustified === "carried_over"}
        />
        {form.returnReason && (form.status === "RETURNED" || form.status === "DRAFT") && (
          <p role="status" className="mt-3 rounded border border-orange-300 bg-orange-50 p-2 text-sm text-orange-950" data-testid="motif-renvoi">
            Renvoyé : {form.returnReason}
          </p>
        )}
        {voided.length > 0 && form.status !== "SENT" && form.status !== "ACCEPTED" && (
          <p className="mt-2 text-sm text-slate-700">
            {voided.length} signature(s) annulée(s) dans l&apos;historique de ce formulaire (voir l&apos;historique ci-dessous).
          </p>
        )}
      </header>

      <section aria-labelledby="totaux">
        <h2 id="totaux" className="text-lg font-semibold">
          Montants par enveloppe
        </h2>
        <table className="mt-2 w-full max-w-3xl text-sm" data-testid="totaux-ru">
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-2 pr-3">
                Enveloppe
              </th>
              <th scope="col" className="py-2 pr-3">
                Octroyé
              </th>
              <th scope="col" className="py-2 pr-3">
                Justifié
              </th>
              <th scope="col" className="py-2">
                Non justifié
              </th>
            </tr>
          </thead>
          <tbody>
            {check.envelopes.map((e) => (
              <tr key={e.code} className="border-b border-slate-200">
                <td className="py-2 pr-3">{e.label}</td>
                <td className="py-2 pr-3 tabular-nums">{e.grantedCents === null ? "pas encore encodé par le SPP IS" : formatCents(e.grantedCents)}</td>
                <td className="py-2 pr-3 tabular-nums">{formatCents(e.justifiedCents)}</td>
                <td className="py-2 tabular-nums">{formatCents(e.notJustifiedCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <td className="py-2 pr-3">Total</td>
              <td className="py-2 pr-3 tabular-nums">{formatCents(check.grantedCents)}</td>
              <td className="py-2 pr-3 tabular-nums">{formatCents(check.justifiedCents)}</td>
              <td className="py-2 tabular-nums">
                {formatCents(check.notJustifiedCents)}{" "}
                {def.notJustified === "carried_over" ? "(ajouté au fonds de l'année suivante)" : "(à récupérer par le SPP IS)"}
              </td>
            </tr>
          </tfoot>
        </table>
        <p className="mt-1 text-xs text-slate-600">
          Arrondis : les montants se saisissent au cent près (deux décimales au plus) ; les totaux sont des sommes exactes, calculées par le portail.
        </p>
      </section>

      {d.showContent ? (
        <section aria-labelledby="mesures" className="space-y-6">
          <h2 id="mesures" className="text-lg font-semibold">
            Mesures
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
                      Justifiée par le fichier tableur « {c.spreadsheet.fileName} » ({c.spreadsheet.rows} ligne(s)), importé le{" "}
                      {dateTime(new Date(c.spreadsheet.importedAt))}.
                    </p>
                    {editable && (
                      <ActionForm
                        action={removeImportAction}
                        submitLabel={`Retirer l'import de « ${s.title} »`}
                        variant="secondary"
                        label={`Retirer l'import de « ${s.title} »`}
                        confirmMessage="Retirer l'import ? Ses lignes sont retirées du formulaire ; la mesure pourra être encodée en ligne ou importée à nouveau."
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
                  <ReadOnlySection section={s} content={c} />
                )}
                {editable && s.kind !== "indicators" && s.importable && c.mode !== "ONLINE" && (
                  <MeasureImport formId={form.id} section={s.code} title={s.title} version={form.version} />
                )}
              </div>
            );
          })}
        </section>
      ) : (
        <p className="text-sm">Le formulaire est en correction au CPAS : son contenu sera visible quand il sera à nouveau envoyé.</p>
      )}

      {check.problems.length > 0 && d.side === "CPAS" && (
        <section aria-labelledby="problemes" className="rounded border border-orange-300 bg-orange-50 p-4">
          <h2 id="problemes" className="font-semibold text-orange-950">
            À corriger avant la signature ({check.problems.length})
          </h2>
          <ul className="mt-2 list-disc pl-5 text-sm text-orange-950" data-testid="problemes-ru">
            {check.problems.map((p, i) => (
              <li key={i}>
                {p.sectionTitle} — {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      {editable && form.status !== "READY" && (
        <section aria-labelledby="pret">
          <h2 id="pret" className="text-lg font-semibold">
            Mettre en signature
          </h2>
          <p className="text-sm text-slate-700">
            Le secrétaire et le président seront prévenus ; chacun signe cette version. Toute modification ensuite annule leurs signatures.
          </p>
          <ActionForm action={markReadyAction} submitLabel="Marquer prêt pour signature" label="Mettre en signature">
            <input type="hidden" name="formId" value={form.id} />
            <input type="hidden" name="version" value={form.version} />
          </ActionForm>
        </section>
      )}

      {(form.status === "READY" || activeSignatures.length > 0) && (
        <section aria-labelledby="signatures">
          <h2 id="signatures" className="text-lg font-semibold">
            Signatures
          </h2>
          <ul className="mt-2 text-sm" data-testid="signatures-ru">
            {(["SECRETAIRE", "PRESIDENT"] as const).map((r) => {
              const s = activeSignatures.find((x) => x.role === r);
              return (
                <li key={r}>
                  {SIGNER_LABELS[r]} : {s ? `signé par ${s.signerName} le ${dateTime(s.signedAt)}` : "pas encore signé"}
                </li>
              );
            })}
          </ul>
          {form.contentHash && <p className="mt-1 break-all font-mono text-xs text-slate-700">Empreinte SHA-256 du contenu signé : {form.contentHash}</p>}
        </section>
      )}

      {canSign && (
        <section aria-labelledby="signer" className="max-w-2xl rounded border border-brand-600 p-4">
          <h2 id="signer" className="text-lg font-semibold">
            Signer la version {form.version}
          </h2>
          <p className="mt-1 text-sm">
            Vous signez exactement le contenu affiché sur cette page : les mesures ci-dessus et les montants par enveloppe (justifié{" "}
            {formatCents(check.justifiedCents)} sur {formatCents(check.grantedCents)} octroyés), empreinte{" "}
            <span className="font-mono">{form.contentHash?.slice(0, 16)}…</span>. La seconde signature envoie le formulaire au SPP IS.
          </p>
          {late && (
            <p className="mt-2 text-sm font-semibold text-red-900">
              L&apos;échéance du {belgianDay(form.campaign.deadline)} est dépassée : le formulaire sera envoyé en retard.
            </p>
          )}
          <ActionForm action={signFormAction} submitLabel="Signer" className="mt-3 flex flex-wrap items-end gap-3" label="Signer le formulaire">
            <input type="hidden" name="formId" value={form.id} />
            <input type="hidden" name="version" value={form.version} />
            <input type="hidden" name="contentHash" value={form.contentHash ?? ""} />
            {mySignerRoles.length > 1 ? (
              <div>
                <label htmlFor="role-signature" className="block text-sm font-medium">
                  Je signe en qualité de
                </label>
                <select id="role-signature" name="role" className="mt-1 rounded border border-slate-400 px-2 py-1">
                  {mySignerRoles.map((r) => (
                    <option key={r} value={r}>
                      {SIGNER_LABELS[r]}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <input type="hidden" name="role" value={mySignerRoles[0]} />
            )}
            <div>
              <label htmlFor="code-signature" className="block text-sm font-medium">
                Code de votre application d&apos;authentification
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
            Renvoyer au membre du personnel
          </h2>
          <p className="text-sm text-slate-700">
            Un montant à revoir ? Le secrétaire et le président ne modifient pas les montants : renvoyez le formulaire avec un commentaire.
          </p>
          <ActionForm
            action={returnToMemberAction}
            submitLabel="Renvoyer avec ce commentaire"
            variant="secondary"
            className="block"
            label="Renvoyer au membre du personnel"
            confirmMessage="Renvoyer le formulaire ? Les signatures déjà données seront annulées."
          >
            <input type="hidden" name="formId" value={form.id} />
            <input type="hidden" name="version" value={form.version} />
            <label htmlFor="commentaire-renvoi" className="mt-2 block text-sm font-medium">
              Commentaire pour le membre du personnel
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
            Décision du SPP IS
          </h2>
          <ActionForm
            action={reviewFormAction}
            submitLabel="Décider"
            className="block"
            label="Décision du SPP IS"
            buttons={
              <div className="mt-3 flex gap-3">
                <button
                  type="submit"
                  name="decision"
                  value="accept"
                  className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800"
                >
                  Accepter le formulaire
                </button>
                <button
                  type="submit"
                  name="decision"
                  value="return"
                  className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
                >
                  Renvoyer pour correction
                </button>
              </div>
            }
          >
            <input type="hidden" name="formId" value={form.id} />
            <input type="hidden" name="version" value={form.version} />
            <label htmlFor="motif-decision" className="block text-sm font-medium">
              Motif (obligatoire pour un renvoi)
            </label>
            <textarea id="motif-decision" name="reason" maxLength={2000} rows={3} className="mt-1 block w-full rounded border border-slate-400 px-2 py-1" />
          </ActionForm>
        </section>
      )}

      {(form.status === "SENT" || form.status === "ACCEPTED") && (
        <div>
          <DownloadButton action={`/api/rapport-unique/formulaires/${form.id}/pdf`}>Télécharger le formulaire signé (PDF)</DownloadButton>
        </div>
      )}

      <section aria-labelledby="regles" className="max-w-3xl">
        <h2 id="regles" className="text-lg font-semibold">
          Règles de ce formulaire
        </h2>
        <ul className="mt-2 list-disc pl-5 text-sm">
          {def.rules.map((r, i) => (
            <li key={i}>
              {r.text} <span className="text-slate-600">— Source : {r.source}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="historique-ru">
        <h2 id="historique-ru" className="text-lg font-semibold">
          Historique
        </h2>
        <ol className="mt-3 space-y-3 border-l-2 border-slate-300 pl-4" data-testid="historique-ru">
          {d.events.map((e) => (
            <li key={e.id}>
              <p className="text-sm font-semibold">
                {EVENT_LABELS[e.kind] ?? "Modification"}
                {e.toStatus && e.fromStatus !== e.toStatus && <span className="font-normal"> → {STATUS_LABELS[e.toStatus]}</span>}
              </p>
              <p className="text-xs text-slate-600">
                {dateTime(e.createdAt)} — {e.actorName}
              </p>
              {e.note && <p className="mt-1 text-sm">{e.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** What the form waits for, said in words that stay on screen after the action that changed it. */
function StateNotice(o: {
  status: string;
  signed: number;
  sentAt: Date | null;
  decidedAt: Date | null;
  accepted: { justified: number; notJustified: number } | null;
  carriedOver: boolean;
}) {
  const text =
    o.status === "READY"
      ? `En attente des signatures (${o.signed} sur 2) : le secrétaire et le président du CPAS ont été prévenus.`
      : o.status === "SENT"
        ? `Envoyé au SPP IS le ${o.sentAt ? dateTime(o.sentAt) : "—"} ; en attente de sa décision.`
        : o.status === "ACCEPTED" && o.accepted
          ? `Accepté par le SPP IS le ${o.decidedAt ? dateTime(o.decidedAt) : "—"} : justifié ${formatCents(o.accepted.justified)}, non justifié ${formatCents(o.accepted.notJustified)}${o.accepted.notJustified ? (o.carriedOver ? " (ajouté au fonds de l'année suivante)" : " (à récupérer)") : ""}.`
          : null;
  if (!text) return null;
  return (
    <p role="status" className="mt-3 rounded border border-slate-300 bg-slate-50 p-2 text-sm" data-testid="etat-ru">
      {text}
    </p>
  );
}

function ReadOnlySection({ section, content }: { section: Section; content: ReturnType<typeof sectionOf> }) {
  if (section.kind === "staff") {
    if (!content.staff.length) return <p className="mt-2 text-sm text-slate-700">Aucune ligne.</p>;
    return (
      <table className="mt-2 w-full text-sm">
        <thead>
          <tr className="text-left text-xs">
            <th scope="col">Personne ou fonction</th>
            <th scope="col">Période</th>
            <th scope="col">ETP</th>
            <th scope="col">Coût</th>
          </tr>
        </thead>
        <tbody>
          {content.staff.map((l, i) => (
            <tr key={i} className="border-t border-slate-200">
              <td className="py-1 pr-2">{l.label}</td>
              <td className="py-1 pr-2">
                {l.from.split("-").reverse().join("/")} – {l.to.split("-").reverse().join("/")}
              </td>
              <td className="py-1 pr-2">{(l.fteHundredths / 100).toLocaleString("fr-BE", { minimumFractionDigits: 2 })}</td>
              <td className="py-1 tabular-nums">{formatCents(l.costCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (section.kind === "expenses") {
    if (!content.expenses.length) return <p className="mt-2 text-sm text-slate-700">Aucune dépense.</p>;
    return (
      <table className="mt-2 w-full text-sm">
        <thead>
          <tr className="text-left text-xs">
            <th scope="col">Catégorie</th>
            <th scope="col">Description</th>
            <th scope="col">Montant</th>
          </tr>
        </thead>
        <tbody>
          {content.expenses.map((l, i) => (
            <tr key={i} className="border-t border-slate-200">
              <td className="py-1 pr-2">{section.categories.find((c) => c.code === l.category)?.label ?? l.category}</td>
              <td className="py-1 pr-2">{l.description}</td>
              <td className="py-1 tabular-nums">{formatCents(l.amountCents)}</td>
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
          <dt className="inline font-medium">{f.label} : </dt>
          <dd className="inline">{content.values[f.code] ?? "non complété"}</dd>
        </div>
      ))}
    </dl>
  );
}
