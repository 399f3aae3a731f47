import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { RequestDetail } from "@/lib/c607/requests";
import { formatNiss } from "@/lib/validation/niss";

import { CommandPanel } from "./command-panel";
import type { NoticeCode } from "./notices";
import { ProposalView } from "./proposal-view";
import { RemoveAttachmentButton } from "./remove-attachment-button";
import { frDate, StatusBadge, useDateTime } from "./status-badge";
import { Timeline } from "./timeline";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`section-${id}`} className="mt-8">
      <h2 id={`section-${id}`} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The request as both sides see it: data, attachments, proposal and answer, commands, timeline. */
export function RequestDetailView({ detail: d, notice }: { detail: RequestDetail; notice?: NoticeCode | null }) {
  const t = useTranslations("c607");
  const dateTime = useDateTime();
  const c = d.content;
  const regime = (r: { regime: string; weeklyHours?: number; fullTimeWeeklyHours?: number }) =>
    r.regime === "PART_TIME"
      ? t("detail.partTime", { weeklyHours: r.weeklyHours ?? "?", fullTimeWeeklyHours: r.fullTimeWeeklyHours ?? "?" })
      : t("detail.fullTime");
  return (
    <>
      <p className="text-sm">
        <a href={d.side === "ONEM" ? "/onem" : "/c607"} className="text-brand-700 underline underline-offset-4">
          {t("detail.back")}
        </a>
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">
        {t("detail.title", { reference: d.reference })} <StatusBadge status={d.status} />
      </h1>
      <p className="mt-1 text-sm text-slate-700">
        {t("detail.createdOn", { centre: d.centre.name, date: dateTime(d.createdAt) })}
        {d.sentAt && <> {t.rich("detail.sentOn", { date: dateTime(d.sentAt), deadline: frDate(d.deadline), strong: (chunks) => <strong>{chunks}</strong> })}</>}
        {d.isSecondCalculation && <> {t("detail.secondCalculation")}</>}
        {d.parent && (
          <>
            {" "}
            {t.rich("detail.copyOf", {
              reference: d.parent.reference,
              link: (chunks) => (
                <a className="text-brand-700 underline" href={`/c607/${d.parent!.id}`}>
                  {chunks}
                </a>
              ),
            })}
          </>
        )}
      </p>
      {notice && (
        <p role="status" data-testid="message-succes" className="mt-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-950">
          {t(`notices.${notice}`)}
          {notice === "envoye" && d.deadline && <> {t("detail.answerBy", { date: frDate(d.deadline) })}</>}
        </p>
      )}
      {d.copies.length > 0 && (
        <p className="mt-1 text-sm text-slate-700">
          {t("detail.copies")}{" "}
          {d.copies.map((x) => (
            <a key={x.id} className="mr-2 text-brand-700 underline" href={`/c607/${x.id}`}>
              {x.reference}
            </a>
          ))}
        </p>
      )}
      {d.complementRequest && d.status === "COMPLEMENT_REQUESTED" && (
        <div className="mt-4 rounded border border-orange-300 bg-orange-50 p-3 text-sm text-orange-950" data-testid="complement">
          {t("detail.complement", { message: d.complementRequest })}
        </div>
      )}
      {d.derogation && (
        <p className="mt-3 text-sm text-slate-800">
          {t("detail.derogation", { status: d.derogation.status, justification: d.derogation.justification ?? "" })}
        </p>
      )}
      {d.refusalReason && <p className="mt-2 text-sm text-red-900">{t("detail.refusalReason", { reason: d.refusalReason })}</p>}

      {(d.proposal || d.answer) && (
        <Section id="calcul" title={t("detail.sectionCalculation")}>
          <div className="mt-3">
            <ProposalView proposal={d.proposal} answer={d.answer} />
          </div>
        </Section>
      )}

      {d.availableCommands.length > 0 && (
        <Section id="actions" title={t("detail.sectionActions")}>
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

      <Section id="travailleur" title={t("detail.sectionWorker")}>
        <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">{t("detail.worker")}</dt>
            <dd>
              {c.worker.lastName} {c.worker.firstName}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("detail.niss")}</dt>
            <dd>{formatNiss(c.worker.niss)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("detail.contract")}</dt>
            <dd>{t("detail.contractDates", { from: frDate(c.contract.start), to: frDate(c.contract.plannedEnd) })}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("detail.regime")}</dt>
            <dd>{t("detail.regimeLine", { regime: regime(c.contract), days: c.contract.daysPerWeek })}</dd>
          </div>
        </dl>
      </Section>

      <Section id="periodes" title={t("detail.sectionPeriods")}>
        <ul className="mt-3 list-disc space-y-1 pl-6 text-sm">
          {c.employmentPeriods.map((p, i) => (
            <li key={`e${i}`}>
              {t("detail.employmentLine", { employer: p.employer, country: p.country, from: frDate(p.from), to: frDate(p.to), regime: regime(p) })}
              {p.declaredDays !== undefined && t("detail.declaredDays", { days: p.declaredDays })}
              {p.declaredHours !== undefined && t("detail.declaredHours", { hours: p.declaredHours })}
            </li>
          ))}
          {c.assimilatedPeriods.map((p, i) => (
            <li key={`a${i}`}>
              {p.label
                ? t("detail.assimilatedLineWithLabel", { kind: t(`kinds.${p.kind}`), label: p.label, from: frDate(p.from), to: frDate(p.to) })
                : t("detail.assimilatedLine", { kind: t(`kinds.${p.kind}`), from: frDate(p.from), to: frDate(p.to) })}
            </li>
          ))}
          {c.employmentPeriods.length + c.assimilatedPeriods.length === 0 && <li>{t("detail.noPeriods")}</li>}
        </ul>
      </Section>

      <Section id="pieces-jointes" title={t("detail.sectionAttachments")}>
        {d.attachments.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t("detail.noAttachments")}</p>
        ) : (
          <ul className="mt-3 space-y-1 text-sm" data-testid="pieces-jointes">
            {d.attachments.map((a) => (
              <li key={a.id}>
                <a className="text-brand-700 underline" href={`/api/c607/requests/${d.id}/attachments/${a.id}`}>
                  {a.fileName}
                </a>{" "}
                {t("detail.attachmentInfo", { mimeType: a.mimeType, size: Math.ceil(a.size / 1024) })}
                {a.isRemovable && <RemoveAttachmentButton requestId={d.id} attachmentId={a.id} fileName={a.fileName} />}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="historique" title={t("detail.sectionHistory")}>
        <Timeline events={d.timeline} />
      </Section>
    </>
  );
}
