import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import { translatorFor } from "@/lib/i18n/translator";

import { auditCtx, type RuContext, ruSide } from "./access";
import { formDetail } from "./queries";
import { renderSignedFormPdf, renderSummaryPdf } from "./render-pdf";
import { checkForm } from "./check-form";
import { definitionIn } from "./definition";
import { contentOf, definitionOf } from "./workflow";

const fileSafe = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();

/** The PDF of a signed (sent or accepted) form; each download is audited. */
export async function signedFormPdf(ctx: RuContext, id: string) {
  const d = await formDetail(ctx, id);
  if (d.form.status !== "SENT" && d.form.status !== "ACCEPTED") throw new AppError("CONFLICT", msg("ru.errors.pdfNotSent"));
  const signatures = d.signatures.filter((s) => !s.voidedAt);
  const bytes = await renderSignedFormPdf({
    centre: { name: d.entity.name, bce: d.entity.bceNumber },
    def: d.def,
    status: d.form.status,
    version: signatures[0]?.formVersion ?? d.form.version,
    content: d.content,
    check: d.check,
    contentHash: signatures[0]?.contentHash ?? "",
    signatures,
    sentAt: d.form.sentAt,
    locale: ctx.actor.language,
  });
  await db.$transaction((tx) =>
    writeAuditEvent(tx, auditCtx(ctx), {
      action: "rapport_unique.pdf_downloaded",
      targetType: "RuForm",
      targetId: d.form.id,
      entityId: d.form.entityId,
      after: { form: d.form.formCode },
    }),
  );
  const t = translatorFor(ctx.actor.language);
  return { bytes, fileName: t("ru.pdf.fileSigned", { year: d.def.year, title: fileSafe(definitionIn(d.def, ctx.actor.language).title) }) };
}

/** The centre's yearly summary (granted, justified, not justified per subsidy). */
export async function yearlySummaryPdf(ctx: RuContext, year: number) {
  if (ruSide(ctx.actor) !== "CPAS") throw notFound();
  const campaign = await db.ruCampaign.findUnique({ where: { year }, select: { id: true } });
  if (!campaign) throw notFound();
  const [forms, grants, entity] = await Promise.all([
    db.ruForm.findMany({
      where: { campaignId: campaign.id, entityId: ctx.actor.entityId },
      include: { definition: true },
      orderBy: { definition: { position: "asc" } },
    }),
    db.ruGrant.findMany({ where: { campaignId: campaign.id, entityId: ctx.actor.entityId } }),
    db.entity.findUniqueOrThrow({ where: { id: ctx.actor.entityId }, select: { name: true, bceNumber: true } }),
  ]);
  const rows = forms.map((f) => {
    const def = definitionOf(f.definition);
    const g = Object.fromEntries(grants.filter((x) => x.formCode === f.formCode).map((x) => [x.envelopeCode, Number(x.amountCents)]));
    const c = checkForm(def, contentOf(f), g);
    return {
      def,
      status: f.status,
      grantedCents: c.grantedCents,
      justifiedCents: c.justifiedCents,
      notJustifiedCents: c.notJustifiedCents,
      carriedOver: def.notJustified === "carried_over",
    };
  });
  const bytes = await renderSummaryPdf({ centre: { name: entity.name, bce: entity.bceNumber }, year, rows, at: new Date(), locale: ctx.actor.language });
  await db.$transaction((tx) =>
    writeAuditEvent(tx, auditCtx(ctx), { action: "rapport_unique.summary_downloaded", targetType: "RuCampaign", targetId: campaign.id, after: { year } }),
  );
  return { bytes, fileName: translatorFor(ctx.actor.language)("ru.pdf.fileSummary", { year }) };
}
