import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";

import { auditCtx, type RuContext, ruSide } from "./access";
import { formDetail } from "./queries";
import { renderSignedFormPdf, renderSummaryPdf } from "./render-pdf";
import { checkForm } from "./check-form";
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
  if (d.form.status !== "SENT" && d.form.status !== "ACCEPTED") throw new AppError("CONFLICT", "Le PDF existe pour un formulaire signé et envoyé.");
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
  return { bytes, fileName: `rapport-unique-${d.def.year}-${fileSafe(d.def.title)}.pdf` };
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
      title: def.title,
      status: f.status,
      grantedCents: c.grantedCents,
      justifiedCents: c.justifiedCents,
      notJustifiedCents: c.notJustifiedCents,
      carriedOver: def.notJustified === "carried_over",
    };
  });
  const bytes = await renderSummaryPdf({ centre: { name: entity.name, bce: entity.bceNumber }, year, rows, at: new Date() });
  await db.$transaction((tx) =>
    writeAuditEvent(tx, auditCtx(ctx), { action: "rapport_unique.summary_downloaded", targetType: "RuCampaign", targetId: campaign.id, after: { year } }),
  );
  return { bytes, fileName: `rapport-unique-${year}-synthese.pdf` };
}
