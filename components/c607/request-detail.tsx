import type { ReactNode } from "react";

import type { RequestDetail } from "@/lib/c607/requests";
import { ASSIMILATED_KIND_LABELS } from "@/lib/c607/types";
import { formatNiss } from "@/lib/validation/niss";

import { CommandPanel } from "./command-panel";
import { type NoticeCode, NOTICES } from "./notices";
import { ProposalView } from "./proposal-view";
import { RemoveAttachmentButton } from "./remove-attachment-button";
import { frDate, frDateTime, StatusBadge } from "./status-badge";
import { Timeline } from "./timeline";

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

const regime = (r: { regime: string; weeklyHours?: number; fullTimeWeeklyHours?: number }) =>
  r.regime === "PART_TIME" ? `temps partiel ${r.weeklyHours ?? "?"} h / ${r.fullTimeWeeklyHours ?? "?"} h` : "temps plein";

/** The request as both sides see it: data, attachments, proposal and answer, commands, timeline. */
export function RequestDetailView({ detail: d, notice }: { detail: RequestDetail; notice?: NoticeCode | null }) {
  const c = d.content;
  return (
    <>
      <p className="text-sm">
        <a href={d.side === "ONEM" ? "/onem" : "/c607"} className="text-brand-700 underline underline-offset-4">
          ← Retour à la liste
        </a>
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">
        Demande {d.reference} <StatusBadge status={d.status} />
      </h1>
      <p className="mt-1 text-sm text-slate-700">
        {d.centre.name} — créée le {frDateTime(d.createdAt)}
        {d.sentAt && (
          <>
            {" "}
            — envoyée le {frDateTime(d.sentAt)}, échéance ONEM le <strong>{frDate(d.deadline)}</strong>
          </>
        )}
        {d.isSecondCalculation && " — second calcul"}
        {d.parent && (
          <>
            {" "}
            — copie de{" "}
            <a className="text-brand-700 underline" href={`/c607/${d.parent.id}`}>
              {d.parent.reference}
            </a>
          </>
        )}
      </p>
      {notice && (
        <p role="status" data-testid="message-succes" className="mt-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-950">
          {NOTICES[notice]}
          {notice === "envoye" && d.deadline && ` L'ONEM répond au plus tard le ${frDate(d.deadline)}.`}
        </p>
      )}
      {d.copies.length > 0 && (
        <p className="mt-1 text-sm text-slate-700">
          Copies :{" "}
          {d.copies.map((x) => (
            <a key={x.id} className="mr-2 text-brand-700 underline" href={`/c607/${x.id}`}>
              {x.reference}
            </a>
          ))}
        </p>
      )}
      {d.complementRequest && d.status === "COMPLEMENT_REQUESTED" && (
        <div className="mt-4 rounded border border-orange-300 bg-orange-50 p-3 text-sm text-orange-950" data-testid="complement">
          Complément demandé par l&apos;ONEM : {d.complementRequest}
        </div>
      )}
      {d.derogation && (
        <p className="mt-3 text-sm text-slate-800">
          Dérogation ({d.derogation.status === "PENDING" ? "à décider par l'ONEM" : d.derogation.status === "ACCEPTED" ? "acceptée" : "refusée"}) :{" "}
          {d.derogation.justification}
        </p>
      )}
      {d.refusalReason && <p className="mt-2 text-sm text-red-900">Motif du refus : {d.refusalReason}</p>}

      {(d.proposal || d.answer) && (
        <Section title="Calcul et réponse">
          <div className="mt-3">
            <ProposalView proposal={d.proposal} answer={d.answer} />
          </div>
        </Section>
      )}

      {d.availableCommands.length > 0 && (
        <Section title="Actions">
          <div className="mt-3">
            <CommandPanel
              id={d.id}
              version={d.version}
              commands={d.availableCommands}
              isSecondCalculation={d.isSecondCalculation}
              hasProposal={d.proposal !== null}
            />
          </div>
        </Section>
      )}

      <Section title="Travailleur et contrat">
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">Travailleur</dt>
            <dd>
              {c.worker.lastName} {c.worker.firstName}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Numéro national</dt>
            <dd>{formatNiss(c.worker.niss)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Contrat article 60 §7</dt>
            <dd>
              du {frDate(c.contract.start)} au {frDate(c.contract.plannedEnd)} (fin prévue)
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Régime</dt>
            <dd>
              {regime(c.contract)}, {c.contract.daysPerWeek} jour(s) par semaine
            </dd>
          </div>
        </dl>
      </Section>

      <Section title="Périodes">
        <ul className="mt-3 list-disc space-y-1 pl-6 text-sm">
          {c.employmentPeriods.map((p, i) => (
            <li key={`e${i}`}>
              Occupation : {p.employer} ({p.country}), du {frDate(p.from)} au {frDate(p.to)}, {regime(p)}
              {p.declaredDays !== undefined && `, ${p.declaredDays} jours prestés`}
              {p.declaredHours !== undefined && `, ${p.declaredHours} heures prestées`}
            </li>
          ))}
          {c.assimilatedPeriods.map((p, i) => (
            <li key={`a${i}`}>
              {ASSIMILATED_KIND_LABELS[p.kind]}
              {p.label ? ` (${p.label})` : ""} : du {frDate(p.from)} au {frDate(p.to)}
            </li>
          ))}
          {c.employmentPeriods.length + c.assimilatedPeriods.length === 0 && <li>Aucune période encodée.</li>}
        </ul>
      </Section>

      <Section title="Pièces jointes">
        {d.attachments.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">Aucune pièce jointe.</p>
        ) : (
          <ul className="mt-3 space-y-1 text-sm" data-testid="pieces-jointes">
            {d.attachments.map((a) => (
              <li key={a.id}>
                <a className="text-brand-700 underline" href={`/api/c607/requests/${d.id}/attachments/${a.id}`}>
                  {a.fileName}
                </a>{" "}
                — {a.mimeType}, {Math.ceil(a.size / 1024)} Ko
                {a.isRemovable && <RemoveAttachmentButton requestId={d.id} attachmentId={a.id} fileName={a.fileName} />}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Historique">
        <Timeline events={d.timeline} />
      </Section>
    </>
  );
}
