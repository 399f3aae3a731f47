import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/ui/action-form";
import { DownloadButton } from "@/components/ui/download-button";
import { Field } from "@/components/ui/field";
import { TableHead } from "@/components/ui/table-head";
import { GrantsImport } from "@/components/rapport-unique/grants-import";
import { RuStatusBadge } from "@/components/rapport-unique/status-badge";
import { currentLocale } from "@/lib/i18n/server";
import { formatCentsIn } from "@/lib/rapport-unique/money";
import { ruPageContext } from "@/lib/rapport-unique/page-context";
import { belgianDay, cpasOverview, sppisOverview } from "@/lib/rapport-unique/queries";
import { pageNumber } from "@/lib/http/page-number";
import { ruSide } from "@/lib/rapport-unique/access";
import { formatBce } from "@/lib/validation/bce";

import { openCampaignAction, recordGrantAction, saveCentreDataAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ru"))("title") };
}

const SITUATIONS = ["retard", "incomplet", "complet"] as const;
const CENTRES_PER_PAGE = 50;
type CentreFilter = { situation: string; q: string; page: number; reviewPage: number };

const yearOf = (v: string | undefined) => (v && /^\d{4}$/.test(v) ? Number(v) : undefined);

export default async function RapportUniquePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const ctx = await ruPageContext();
  const sp = await searchParams;
  const year = yearOf(typeof sp.annee === "string" ? sp.annee : undefined);
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const filter = {
    situation: SITUATIONS.find((x) => x === one("situation")) ?? "",
    q: (one("q") ?? "").slice(0, 100),
    page: pageNumber(one("page")),
    reviewPage: pageNumber(one("examiner")),
  };
  return ruSide(ctx.actor) === "SPPIS" ? <SppisPage ctx={ctx} year={year} filter={filter} /> : <CpasPage ctx={ctx} year={year} />;
}

async function CampaignPicker({ campaigns, current }: { campaigns: { year: number }[]; current: number }) {
  if (campaigns.length < 2) return null;
  const t = await getTranslations("ru.overview");
  return (
    <nav aria-label={t("campaigns")} className="mt-2 flex gap-3 text-sm">
      {campaigns.map((c) => (
        <Link key={c.year} href={`/rapport-unique?annee=${c.year}`} aria-current={c.year === current ? "page" : undefined} className="text-brand-700 underline">
          {t("campaignLink", { year: c.year })}
        </Link>
      ))}
    </nav>
  );
}

async function CpasPage({ ctx, year }: { ctx: Awaited<ReturnType<typeof ruPageContext>>; year?: number }) {
  const o = await cpasOverview(ctx, year);
  const [t, tr, locale] = await Promise.all([getTranslations("ru.overview"), getTranslations("ru"), currentLocale()]);
  const money = (cents: number) => formatCentsIn(locale, cents);
  const roleNames = [o.roles.member ? tr("member") : null, ...o.roles.signerRoles.map((r) => tr(`signer.${r}`))].filter(Boolean).join(", ");
  if (!o.campaign) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold text-slate-900">{tr("title")}</h1>
        <p>{t("noCampaign")}</p>
      </div>
    );
  }
  const totals = o.forms.reduce(
    (t, f) => ({ granted: t.granted + f.check.grantedCents, justified: t.justified + f.check.justifiedCents, not: t.not + f.check.notJustifiedCents }),
    { granted: 0, justified: 0, not: 0 },
  );
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("heading", { year: o.campaign.year })}</h1>
        <p className="mt-1 text-slate-700">
          {t.rich("intro", { deadline: belgianDay(o.campaign.deadline), roles: roleNames, strong: (c) => <strong>{c}</strong> })}
        </p>
        <CampaignPicker campaigns={o.campaigns} current={o.campaign.year} />
        {o.late && (
          <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
            {t("late")}
          </p>
        )}
      </header>

      <section aria-labelledby="formulaires">
        <h2 id="formulaires" className="text-lg font-semibold">
          {t("forms")}
        </h2>
        <table className="mt-3 w-full text-sm" data-testid="formulaires-ru">
          <TableHead
            columns={[
              t("colSubsidy"),
              t("colStatus"),
              t("colSignatures"),
              t("colGranted"),
              t("colJustified"),
              t("colNotJustified"),
              { label: t("colOpen"), srOnly: true },
            ]}
          />
          <tbody>
            {o.forms.map((f) => (
              <tr key={f.id} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-3 font-medium">{f.title}</td>
                <td className="py-2 pr-3">
                  <RuStatusBadge status={f.status} />
                  {f.returnReason && (f.status === "RETURNED" || f.status === "DRAFT") && (
                    <p className="mt-1 text-xs text-orange-900">{t("returnReason", { reason: f.returnReason })}</p>
                  )}
                </td>
                <td className="py-2 pr-3">
                  {f.signatures.length === 0
                    ? "—"
                    : f.signatures.map((s) => <p key={s.role}>{t("signature", { role: tr(`signer.${s.role}`), name: s.signerName })}</p>)}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{money(f.check.grantedCents)}</td>
                <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{money(f.check.justifiedCents)}</td>
                <td className="py-2 pr-3 whitespace-nowrap tabular-nums">
                  {money(f.check.notJustifiedCents)}
                  {f.check.notJustifiedCents > 0 && <span className="block text-xs text-slate-600">{f.carriedOver ? t("carriedOver") : t("recovered")}</span>}
                </td>
                <td className="py-2">
                  <Link href={`/rapport-unique/formulaires/${f.id}`} className="text-brand-700 underline">
                    {t("open")}
                    <span className="sr-only">{t("openSr", { title: f.title })}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <td className="py-2 pr-3" colSpan={3}>
                {t("centreTotal")}
              </td>
              <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{money(totals.granted)}</td>
              <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{money(totals.justified)}</td>
              <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{money(totals.not)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
        <div className="mt-3 text-sm">
          <DownloadButton action={`/api/rapport-unique/synthese/${o.campaign.year}`}>{t("summaryPdf")}</DownloadButton>
        </div>
      </section>

      <section aria-labelledby="donnees-cpas" className="max-w-xl">
        <h2 id="donnees-cpas" className="text-lg font-semibold">
          {t("centreData")}
        </h2>
        <p className="text-sm text-slate-700">{t("centreDataIntro")}</p>
        {o.roles.member ? (
          <ActionForm action={saveCentreDataAction} submitLabel={t("saveCentreData")} className="block" label={t("centreData")}>
            <input type="hidden" name="campaignId" value={o.campaign.id} />
            <Field label={t("contactName")} name="contactName" defaultValue={o.centreData?.contactName ?? ""} required maxLength={120} autoComplete="name" />
            <Field
              label={t("contactEmail")}
              name="contactEmail"
              type="email"
              defaultValue={o.centreData?.contactEmail ?? ""}
              required
              maxLength={200}
              autoComplete="email"
            />
            <Field label={t("contactPhone")} name="contactPhone" defaultValue={o.centreData?.contactPhone ?? ""} required maxLength={20} autoComplete="tel" />
            <div className="mt-4" />
          </ActionForm>
        ) : o.centreData ? (
          <p className="mt-2 text-sm">
            {o.centreData.contactName} — {o.centreData.contactEmail} — {o.centreData.contactPhone}
          </p>
        ) : (
          <p className="mt-2 text-sm">{t("centreDataMissing")}</p>
        )}
      </section>
    </div>
  );
}

async function SppisPage({ ctx, year, filter }: { ctx: Awaited<ReturnType<typeof ruPageContext>>; year?: number; filter: CentreFilter }) {
  const o = await sppisOverview(ctx, year, filter.reviewPage);
  const t = await getTranslations("ru.sppis");
  const q = filter.q.trim().toLowerCase();
  const matching = o.centres.filter(
    (c) =>
      (!q || c.name.toLowerCase().includes(q) || c.bce.includes(q.replace(/[.\s]/g, ""))) &&
      (filter.situation === "retard"
        ? c.late
        : filter.situation === "incomplet"
          ? c.sent < c.total
          : filter.situation === "complet"
            ? c.sent === c.total
            : true),
  );
  const pages = Math.max(1, Math.ceil(matching.length / CENTRES_PER_PAGE));
  const page = Math.min(filter.page, pages);
  const shown = matching.slice((page - 1) * CENTRES_PER_PAGE, page * CENTRES_PER_PAGE);
  const late = o.centres.filter((c) => c.late).length;
  const complete = o.centres.filter((c) => c.sent === c.total).length;
  // Each list's links keep the other list's page.
  const href = (centresPage: number, reviewPage: number) =>
    `/rapport-unique?${new URLSearchParams({
      ...(o.campaign ? { annee: String(o.campaign.year) } : {}),
      ...(filter.situation ? { situation: filter.situation } : {}),
      ...(q ? { q } : {}),
      page: String(centresPage),
      examiner: String(reviewPage),
    })}`;
  const pageHref = (n: number) => href(n, o.reviewPage);
  const reviewHref = (n: number) => `${href(page, n)}#a-examiner`;
  const nextYear = (o.campaigns[0]?.year ?? new Date().getFullYear() - 2) + 1;
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{o.campaign ? t("headingYear", { year: o.campaign.year }) : t("heading")}</h1>
        {o.campaign && (
          <p className="mt-1 text-slate-700">{t.rich("intro", { deadline: belgianDay(o.campaign.deadline), strong: (c) => <strong>{c}</strong> })}</p>
        )}
        <CampaignPicker campaigns={o.campaigns} current={o.campaign?.year ?? 0} />
      </header>

      {o.campaign && (
        <>
          <section aria-labelledby="a-examiner">
            <h2 id="a-examiner" className="text-lg font-semibold">
              {t("toReview", { count: o.toReviewTotal })}
            </h2>
            {o.toReview.length === 0 ? (
              <p className="mt-2 text-sm">{t("nothingToReview")}</p>
            ) : (
              <ul className="mt-2 list-disc pl-5 text-sm" data-testid="a-examiner">
                {o.toReview.map((f) => (
                  <li key={f.id}>
                    <Link href={`/rapport-unique/formulaires/${f.id}`} className="text-brand-700 underline">
                      {f.centre} — {f.title}
                    </Link>{" "}
                    <span className="text-slate-600">{t("sentOn", { date: f.sentAt ? belgianDay(f.sentAt) : "—" })}</span>
                  </li>
                ))}
              </ul>
            )}
            {o.reviewPages > 1 && (
              <nav aria-label={t("reviewPages")} className="mt-2 flex items-center gap-3 text-sm">
                {o.reviewPage > 1 && (
                  <a href={reviewHref(o.reviewPage - 1)} className="text-brand-700 underline">
                    {t("previous")}
                  </a>
                )}
                <span>{t("reviewPageOf", { page: o.reviewPage, pages: o.reviewPages, count: o.toReviewTotal })}</span>
                {o.reviewPage < o.reviewPages && (
                  <a href={reviewHref(o.reviewPage + 1)} className="text-brand-700 underline">
                    {t("next")}
                  </a>
                )}
              </nav>
            )}
          </section>

          <section aria-labelledby="suivi">
            <h2 id="suivi" className="text-lg font-semibold">
              {t("progress")}
            </h2>
            <p className="text-sm text-slate-700" data-testid="resume-cpas">
              {t("summary", { total: o.centres.length, complete, incomplete: o.centres.length - complete, late })}
            </p>
            <form method="get" action="/rapport-unique" className="mt-2 flex flex-wrap items-end gap-3 text-sm" aria-label={t("filter")}>
              <input type="hidden" name="annee" value={o.campaign.year} />
              <div>
                <label htmlFor="filtre-q" className="block font-medium">
                  {t("filterQuery")}
                </label>
                <input id="filtre-q" name="q" defaultValue={filter.q} maxLength={100} className="mt-1 rounded border border-slate-400 px-2 py-1" />
              </div>
              <div>
                <label htmlFor="filtre-situation" className="block font-medium">
                  {t("filterSituation")}
                </label>
                <select id="filtre-situation" name="situation" defaultValue={filter.situation} className="mt-1 rounded border border-slate-400 px-2 py-1">
                  <option value="">{t("all")}</option>
                  <option value="retard">{t("late")}</option>
                  <option value="incomplet">{t("incomplete")}</option>
                  <option value="complet">{t("complete")}</option>
                </select>
              </div>
              <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1 font-medium hover:bg-slate-100">
                {t("filterButton")}
              </button>
            </form>
            <table className="mt-3 w-full text-sm" data-testid="suivi-cpas">
              <TableHead columns={[t("colCentre"), t("colSent"), t("colAccepted"), t("colReturned"), t("colReady"), t("colDraft"), t("colSituation")]} />
              <tbody>
                {shown.map((c) => (
                  <tr key={c.entityId} className="border-b border-slate-200">
                    <td className="py-2 pr-3">
                      {c.name}
                      <span className="block text-xs text-slate-600">{formatBce(c.bce)}</span>
                    </td>
                    <td className="py-2 pr-3">
                      {c.sent} / {c.total}
                    </td>
                    <td className="py-2 pr-3">{c.counts.ACCEPTED ?? 0}</td>
                    <td className="py-2 pr-3">{c.counts.RETURNED ?? 0}</td>
                    <td className="py-2 pr-3">{c.counts.READY ?? 0}</td>
                    <td className="py-2 pr-3">{(c.counts.DRAFT ?? 0) + (c.total - Object.values(c.counts).reduce((a, b) => a + (b ?? 0), 0))}</td>
                    <td className="py-2">
                      {c.late ? (
                        <span className="rounded bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">{t("late")}</span>
                      ) : c.sent === c.total ? (
                        t("complete")
                      ) : (
                        t("incomplete")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {shown.length === 0 && <p className="mt-2 text-sm">{t("noMatch")}</p>}
            {pages > 1 && (
              <nav aria-label={t("pages")} className="mt-2 flex items-center gap-3 text-sm">
                {page > 1 && (
                  <a href={pageHref(page - 1)} className="text-brand-700 underline">
                    {t("previous")}
                  </a>
                )}
                <span>{t("pageOf", { page, pages, count: matching.length })}</span>
                {page < pages && (
                  <a href={pageHref(page + 1)} className="text-brand-700 underline">
                    {t("next")}
                  </a>
                )}
              </nav>
            )}
          </section>

          <section aria-labelledby="octrois" className="max-w-xl">
            <h2 id="octrois" className="text-lg font-semibold">
              {t("grantHeading")}
            </h2>
            <p className="text-sm text-slate-700">{t("grantIntro")}</p>
            <ActionForm action={recordGrantAction} submitLabel={t("grantSubmit")} className="block" label={t("grantForm")}>
              <input type="hidden" name="campaignId" value={o.campaign.id} />
              {/* The centre by its enterprise number, as in the import file: a list of every centre of the
                  country (580) made up a third of the page, in its HTML and again in its React payload. */}
              <Field id="octroi-cpas" label={t("grantCentre")} name="bce" inputMode="numeric" autoComplete="off" required hint={t("grantCentreHint")} />
              <div className="mt-4">
                <label htmlFor="octroi-enveloppe" className="block text-sm font-medium">
                  {t("grantEnvelope")}
                </label>
                <select id="octroi-enveloppe" name="envelope" required className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2">
                  {o.formCodes.flatMap((f) =>
                    f.envelopes.map((e) => (
                      <option key={`${f.code}.${e.code}`} value={`${f.code}.${e.code}`}>
                        {f.title} — {e.label}
                      </option>
                    )),
                  )}
                </select>
              </div>
              <Field label={t("grantAmount")} name="amount" inputMode="decimal" required hint={t("grantAmountHint")} />
              <div className="mt-4" />
            </ActionForm>
            <h3 className="mt-6 font-semibold">{t("grantImportHeading")}</h3>
            <p className="text-sm text-slate-700">{t("grantImportIntro")}</p>
            <GrantsImport year={o.campaign.year} />
          </section>
        </>
      )}

      <section aria-labelledby="ouvrir" className="max-w-xl">
        <h2 id="ouvrir" className="text-lg font-semibold">
          {t("openHeading")}
        </h2>
        <p className="text-sm text-slate-700">{t("openIntro")}</p>
        <ActionForm action={openCampaignAction} submitLabel={t("openSubmit")} className="block" label={t("openHeading")} confirmMessage={t("openConfirm")}>
          <Field label={t("openYear")} name="year" inputMode="numeric" defaultValue={String(nextYear)} required />
          <Field label={t("openDeadline")} name="deadline" type="date" required />
          <div className="mt-4" />
        </ActionForm>
      </section>
    </div>
  );
}
