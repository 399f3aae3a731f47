import "server-only";

import type { Actor, Resource } from "@/lib/access/actor";
import { toBrusselsDate } from "@/lib/c607/calendar-date";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RuFormStatus } from "@/lib/generated/prisma/enums";
import { appResource } from "@/lib/http/resolve-resource";
import { parseId } from "@/lib/http/parse-id";

import { cpasRoles, type RuContext, ruSide } from "./access";
import { checkForm } from "./check-form";
import { definitionIn } from "./definition";
import { contentOf, definitionOf, ensureFormsIn, findForm, SPPIS_VISIBLE } from "./workflow";

// What the Rapport unique pages read. Constant query counts: one query per kind of row, whatever
// the number of centres or forms (the SPP IS overview groups by centre and status in the database).

const todayBrussels = () => toBrusselsDate(new Date());
/** A DATE column (stored at midnight UTC) as its calendar day. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export { belgianDay } from "@/lib/c607/calendar-date";

/** The form named by a bound id, as a resource: the CPAS's Rapport unique application, or the SPP IS. */
export async function ruFormResource(actor: Actor, formId: unknown): Promise<Resource> {
  const id = parseId(formId);
  if (actor.entityKind === "SPP_IS") {
    const f = await db.ruForm.findFirst({ where: { id, sentAt: { not: null }, status: { in: [...SPPIS_VISIBLE] } }, select: { id: true } });
    if (!f) throw notFound();
    return { entityId: actor.entityId };
  }
  const f = await db.ruForm.findFirst({ where: { id, entityId: actor.entityId }, select: { id: true } });
  if (!f) throw notFound();
  return appResource(actor, "app.rapport_unique");
}

async function campaignFor(year: number | undefined) {
  const campaigns = await db.ruCampaign.findMany({ orderBy: { year: "desc" }, select: { id: true, year: true, deadline: true } });
  const campaign = (year ? campaigns.find((c) => c.year === year) : campaigns[0]) ?? null;
  return { campaigns, campaign };
}

/** The centre's side: the campaign's forms with their status, signatures and totals; the centre data. */
export async function cpasOverview(ctx: RuContext, year?: number) {
  if (ruSide(ctx.actor) !== "CPAS") throw notFound();
  const { campaigns, campaign } = await campaignFor(year);
  if (!campaign) return { campaigns, campaign: null, forms: [], centreData: null, roles: cpasRoles(ctx.actor), late: false };
  await ensureFormsIn(db, campaign.id, [ctx.actor.entityId]);
  const [forms, grants, centreData] = await Promise.all([
    db.ruForm.findMany({
      where: { campaignId: campaign.id, entityId: ctx.actor.entityId },
      include: { definition: true, signatures: { where: { voidedAt: null }, select: { role: true, signerName: true, signedAt: true } } },
      orderBy: { definition: { position: "asc" } },
    }),
    db.ruGrant.findMany({
      where: { campaignId: campaign.id, entityId: ctx.actor.entityId },
      select: { formCode: true, envelopeCode: true, amountCents: true },
    }),
    db.ruCentreData.findUnique({ where: { campaignId_entityId: { campaignId: campaign.id, entityId: ctx.actor.entityId } } }),
  ]);
  const rows = forms.map((f) => {
    const def = definitionIn(definitionOf(f.definition), ctx.actor.language);
    const g = Object.fromEntries(grants.filter((x) => x.formCode === f.formCode).map((x) => [x.envelopeCode, Number(x.amountCents)]));
    const check = checkForm(def, contentOf(f), g);
    return {
      id: f.id,
      title: def.title,
      status: f.status,
      signatures: f.signatures,
      returnReason: f.returnReason,
      check,
      carriedOver: def.notJustified === "carried_over",
      accepted: f.status === "ACCEPTED" ? { justified: Number(f.justifiedCents ?? 0), notJustified: Number(f.notJustifiedCents ?? 0) } : null,
    };
  });
  const late = todayBrussels() > isoDay(campaign.deadline) && rows.some((r) => r.status !== "SENT" && r.status !== "ACCEPTED");
  return { campaigns, campaign, forms: rows, centreData, roles: cpasRoles(ctx.actor), late };
}

export type CentreProgress = {
  entityId: string;
  name: string;
  bce: string;
  counts: Partial<Record<RuFormStatus, number>>;
  total: number;
  sent: number;
  late: boolean;
};

/** Forms waiting for the SPP IS's decision shown per page, oldest sent first. */
export const REVIEW_PER_PAGE = 25;

/**
 * The SPP IS side: the campaign across centres (who sent, who is late, who is incomplete) and what
 * waits for review — all of it counted, `REVIEW_PER_PAGE` of it listed on page `reviewPage`.
 */
export async function sppisOverview(ctx: RuContext, year?: number, reviewPage = 1) {
  if (ruSide(ctx.actor) !== "SPPIS") throw notFound();
  const { campaigns, campaign } = await campaignFor(year);
  if (!campaign)
    return { campaigns, campaign: null, centres: [] as CentreProgress[], toReview: [], toReviewTotal: 0, reviewPage: 1, reviewPages: 1, formCodes: [] };
  const waiting = { campaignId: campaign.id, status: "SENT" as const };
  const pageOfForms = (page: number) =>
    db.ruForm.findMany({
      where: waiting,
      // The form's definition is one of the campaign's few, read once below, not once per form.
      select: { id: true, sentAt: true, entityId: true, definitionId: true },
      // At most one form per centre and subsidy (about 2,900 for the country): an offset stays small.
      orderBy: [{ sentAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * REVIEW_PER_PAGE,
      take: REVIEW_PER_PAGE,
    });
  const asked = Math.min(Math.max(1, Math.trunc(reviewPage) || 1), 10_000);
  // Issue 15: the count, the page asked for, every centre with its forms per status (one statement,
  // aggregated by PostgreSQL: Prisma's group-by and centre list mapped 3,500 rows in JS) and the
  // definitions, at once; only a page past the end is read again, as the last one.
  const [toReviewTotal, pageAsked, [progress], definitions] = await Promise.all([
    db.ruForm.count({ where: waiting }),
    pageOfForms(asked),
    db.$queryRaw<{ centres: { id: string; name: string; bce: string; counts: Partial<Record<RuFormStatus, number>> }[] }[]>`
      SELECT coalesce(json_agg(json_build_object('id', e.id, 'name', e.name, 'bce', e."bceNumber", 'counts', coalesce(f.counts, '{}'::json))
               ORDER BY e.name), '[]'::json) AS centres
      FROM "Entity" e
      LEFT JOIN (SELECT x."entityId", json_object_agg(x.status, x.n) AS counts
                 FROM (SELECT r."entityId", r.status, count(*)::int AS n FROM "RuForm" r
                        WHERE r."campaignId" = ${campaign.id}::uuid GROUP BY r."entityId", r.status) x
                 GROUP BY x."entityId") f ON f."entityId" = e.id
      WHERE e.kind = 'CPAS'`,
    db.ruFormDefinition.findMany({ where: { campaignId: campaign.id }, orderBy: { position: "asc" }, select: { id: true, code: true, definition: true } }),
  ]);
  const reviewPages = Math.max(1, Math.ceil(toReviewTotal / REVIEW_PER_PAGE));
  const page = Math.min(asked, reviewPages);
  const toReview = page === asked ? pageAsked : await pageOfForms(page);
  const centres = progress!.centres;
  const pastDeadline = todayBrussels() > isoDay(campaign.deadline);
  const names = new Map(centres.map((c) => [c.id, c.name]));
  const inLanguage = definitions.map((d) => ({ id: d.id, code: d.code, def: definitionIn(definitionOf(d), ctx.actor.language) }));
  const titles = new Map(inLanguage.map((d) => [d.id, d.def.title]));
  const rows: CentreProgress[] = centres.map((c) => {
    const counts = c.counts;
    const total = definitions.length;
    const sent = (counts.SENT ?? 0) + (counts.ACCEPTED ?? 0);
    return { entityId: c.id, name: c.name, bce: c.bce, counts, total, sent, late: pastDeadline && sent < total };
  });
  return {
    campaigns,
    campaign,
    centres: rows,
    toReview: toReview.map((f) => ({
      id: f.id,
      centre: names.get(f.entityId) ?? "",
      title: titles.get(f.definitionId) ?? "",
      sentAt: f.sentAt,
    })),
    toReviewTotal,
    reviewPage: page,
    reviewPages,
    formCodes: inLanguage.map(({ code, def }) => ({ code, title: def.title, envelopes: def.envelopes.map((e) => ({ code: e.code, label: e.label })) })),
  };
}

/** One form, as its page shows it (the SPP IS sees the content only of what was sent and not returned). */
export async function formDetail(ctx: RuContext, id: string) {
  const { form, side } = await findForm(db, ctx, parseId(id));
  const def = definitionIn(definitionOf(form.definition), ctx.actor.language);
  const [grantRows, signatures, events, entity] = await Promise.all([
    db.ruGrant.findMany({
      where: { campaignId: form.campaignId, entityId: form.entityId, formCode: form.formCode },
      select: { envelopeCode: true, amountCents: true },
    }),
    db.ruSignature.findMany({ where: { formId: form.id }, orderBy: { signedAt: "asc" } }),
    db.ruEvent.findMany({ where: { formId: form.id }, orderBy: { createdAt: "asc" }, take: 500 }),
    db.entity.findUniqueOrThrow({ where: { id: form.entityId }, select: { name: true, bceNumber: true } }),
  ]);
  const grants = Object.fromEntries(grantRows.map((g) => [g.envelopeCode, Number(g.amountCents)]));
  const content = contentOf(form);
  return {
    side,
    roles: side === "CPAS" ? cpasRoles(ctx.actor) : { member: false, signerRoles: [] },
    form,
    def,
    content,
    grants,
    check: checkForm(def, content, grants),
    signatures,
    events,
    entity,
    showContent: side === "CPAS" || form.status !== "RETURNED",
  };
}

/** The SPP IS collaborator's pending work, and the centre roles' (dashboards). */
export async function pendingWork(actor: Actor): Promise<{ label: string; count: number; href: string }[]> {
  let side;
  try {
    side = ruSide(actor);
  } catch {
    return [];
  }
  const roles = side === "SPPIS" ? { member: false, signerRoles: [] } : cpasRoles(actor);
  // ONE statement (issue 15: every dashboard of the centre's three roles and of the SPP IS paid two
  // or three round trips one after another): the latest campaign and, for it, the figures of the
  // actor's side. The SPP IS counts every centre's forms; a centre only its own.
  const own = side === "SPPIS" ? Prisma.sql`TRUE` : Prisma.sql`f."entityId" = ${actor.entityId}::uuid`;
  const unsigned = roles.signerRoles.length
    ? Prisma.sql`(SELECT count(*)::int FROM "RuForm" f WHERE f."campaignId" = c.id AND ${own} AND f.status = 'READY'
        AND NOT EXISTS (SELECT 1 FROM "RuSignature" s WHERE s."formId" = f.id AND s."voidedAt" IS NULL AND s.role::text = ANY(${roles.signerRoles}::text[])))`
    : Prisma.sql`0`;
  const lateCentres =
    side === "SPPIS"
      ? Prisma.sql`(SELECT count(DISTINCT f."entityId")::int FROM "RuForm" f WHERE f."campaignId" = c.id AND f.status IN ('DRAFT', 'READY', 'RETURNED'))`
      : Prisma.sql`0`;
  const rows = await db.$queryRaw<{ year: number; deadline: string; counts: Partial<Record<RuFormStatus, number>>; unsigned: number; lateCentres: number }[]>`
    SELECT c.year, to_char(c.deadline, 'YYYY-MM-DD') AS deadline,
      (SELECT coalesce(json_object_agg(x.status, x.n), '{}'::json)
         FROM (SELECT f.status, count(*)::int AS n FROM "RuForm" f WHERE f."campaignId" = c.id AND ${own} GROUP BY f.status) x) AS counts,
      ${unsigned} AS unsigned, ${lateCentres} AS "lateCentres"
    FROM (SELECT id, year, deadline FROM "RuCampaign" ORDER BY year DESC LIMIT 1) c`;
  const campaign = rows[0];
  if (!campaign) return [];
  const overdue = todayBrussels() > campaign.deadline;
  const n = (status: RuFormStatus) => campaign.counts[status] ?? 0;
  if (side === "SPPIS") {
    const work = [{ label: msg("ru.pending.toReview", { year: campaign.year }), count: n("SENT"), href: "/rapport-unique" }];
    if (overdue) work.push({ label: msg("ru.pending.lateCentres"), count: campaign.lateCentres, href: "/rapport-unique?situation=retard" });
    return work;
  }
  const work: { label: string; count: number; href: string }[] = [];
  if (roles.member) {
    work.push({ label: msg("ru.pending.toEncode", { year: campaign.year }), count: n("DRAFT"), href: "/rapport-unique" });
    work.push({ label: msg("ru.pending.returned"), count: n("RETURNED"), href: "/rapport-unique" });
  }
  if (roles.signerRoles.length) work.push({ label: msg("ru.pending.toSign"), count: campaign.unsigned, href: "/rapport-unique" });
  if (overdue) work.push({ label: msg("ru.pending.late"), count: n("DRAFT") + n("READY") + n("RETURNED"), href: "/rapport-unique" });
  return work;
}
