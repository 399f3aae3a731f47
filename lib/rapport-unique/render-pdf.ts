import { PDFDocument, StandardFonts } from "pdf-lib";

import { Writer } from "@/lib/forem/attestations/render-attestation-pdf";
import type { RuSignerRole } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor, translatorFor } from "@/lib/i18n/translator";

import type { FormCheck } from "./check-form";
import { type FormContent, sectionOf } from "./content";
import { definitionIn, type FormDefinition } from "./definition";
import { formatCentsIn } from "./money";

// The documents of the Rapport unique, kept in the centre's records: each signed form (content, both
// signatures with names, dates and the content hash) and the yearly summary per centre. Written in
// the language of the person who downloads them (issue 13): the catalogue's ru.pdf.* texts, the
// definition's Dutch labels when it has them; stored data (names, lines typed) as they are.

const pdfText = (s: string) => s.replace(/[\u202f\u00a0]/g, " ").replace(/−/g, "-");
const day = (iso: string) => iso.split("-").reverse().join("/");
type Status = "DRAFT" | "READY" | "SENT" | "RETURNED" | "ACCEPTED";

function words(locale: Locale) {
  const t = translatorFor(locale);
  const f = formatterFor(locale);
  return {
    t,
    money: (cents: number) => formatCentsIn(locale, cents),
    stamp: (d: Date) => f.dateTime(d, "dateTime"),
    status: (s: Status) => t(`ru.status.${s}`),
  };
}

async function open(title: string, author: string, date: Date, locale: Locale) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setAuthor(author);
  pdf.setCreator(translatorFor(locale)("common.portalName"));
  pdf.setLanguage(locale === "nl" ? "nl-BE" : "fr-BE");
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  return { pdf, bold, w: new Writer(pdf, regular) };
}

export type SignedFormDocument = {
  centre: { name: string; bce: string };
  def: FormDefinition;
  status: Status;
  version: number;
  content: FormContent;
  check: FormCheck;
  contentHash: string;
  signatures: { role: RuSignerRole; signerName: string; signedAt: Date; contentHash: string }[];
  sentAt: Date | null;
  /** The reader's language. */
  locale: Locale;
};

export async function renderSignedFormPdf(d: SignedFormDocument): Promise<Uint8Array> {
  const { t, money, stamp, status } = words(d.locale);
  const def = definitionIn(d.def, d.locale);
  const { pdf, bold, w } = await open(t("ru.pdf.signedTitle", { year: def.year, title: def.title }), d.centre.name, d.sentAt ?? new Date(0), d.locale);
  const line = (s: string, o?: Parameters<Writer["line"]>[1]) => w.line(pdfText(s), o);
  const para = (s: string, o?: Parameters<Writer["paragraph"]>[1]) => w.paragraph(pdfText(s), o);
  const amounts = (o: { grantedCents: number | null; justifiedCents: number; notJustifiedCents: number }) => ({
    granted: o.grantedCents === null ? "—" : money(o.grantedCents),
    justified: money(o.justifiedCents),
    notJustified: money(o.notJustifiedCents),
  });
  const label = new Map(def.envelopes.map((e) => [e.code, e.label]));
  line(d.centre.name, { font: bold, size: 13 });
  line(t("ru.pdf.bce", { bce: d.centre.bce }), { size: 9 });
  w.gap(18);
  line(t("ru.pdf.heading", { year: def.year }), { font: bold, size: 14 });
  line(t("ru.pdf.formLine", { title: def.title, version: d.version, status: status(d.status) }), { size: 11 });
  w.gap(10);
  line(t("ru.pdf.amounts"), { font: bold });
  for (const e of d.check.envelopes) para(t("ru.pdf.envelope", { label: label.get(e.code) ?? e.label, ...amounts(e) }), { indent: 12 });
  para(t("ru.pdf.total", amounts(d.check)), { indent: 12 });
  for (const s of def.sections) {
    const c = sectionOf(d.content, s.code);
    w.gap(8);
    line(s.title, { font: bold });
    if (s.kind === "staff") {
      if (!c.staff.length) line(t("ru.pdf.noLines"), { indent: 12, size: 10 });
      for (const l of c.staff)
        para(
          t("ru.pdf.staffLine", {
            label: l.label,
            from: day(l.from),
            to: day(l.to),
            fte: (l.fteHundredths / 100).toFixed(2).replace(".", ","),
            cost: money(l.costCents),
          }),
          { indent: 12, size: 10 },
        );
    } else if (s.kind === "expenses") {
      if (!c.expenses.length) line(t("ru.pdf.noExpenses"), { indent: 12, size: 10 });
      for (const l of c.expenses)
        para(`${s.categories.find((k) => k.code === l.category)?.label ?? l.category} — ${l.description} — ${money(l.amountCents)}`, { indent: 12, size: 10 });
    } else {
      for (const f of s.fields) para(t("ru.pdf.indicator", { label: f.label, value: c.values[f.code] ?? t("ru.pdf.notFilled") }), { indent: 12, size: 10 });
    }
  }
  w.gap(14);
  line(t("ru.pdf.signatures"), { font: bold });
  for (const s of d.signatures) para(t("ru.pdf.signature", { role: t(`ru.signer.${s.role}`), name: s.signerName, date: stamp(s.signedAt) }), { indent: 12 });
  w.gap(6);
  para(t("ru.pdf.hash", { hash: d.contentHash }), { size: 9 });
  if (d.sentAt) para(t("ru.pdf.sent", { date: stamp(d.sentAt) }), { size: 9 });
  return pdf.save();
}

export type SummaryRow = {
  /** The form's definition (its title is shown in the reader's language). */
  def: FormDefinition;
  status: Status;
  grantedCents: number;
  justifiedCents: number;
  notJustifiedCents: number;
  carriedOver: boolean;
};

export async function renderSummaryPdf(o: {
  centre: { name: string; bce: string };
  year: number;
  rows: SummaryRow[];
  at: Date;
  locale: Locale;
}): Promise<Uint8Array> {
  const { t, money, stamp, status } = words(o.locale);
  const { pdf, bold, w } = await open(t("ru.pdf.summaryTitle", { year: o.year }), o.centre.name, o.at, o.locale);
  const line = (s: string, opts?: Parameters<Writer["line"]>[1]) => w.line(pdfText(s), opts);
  line(o.centre.name, { font: bold, size: 13 });
  line(t("ru.pdf.bce", { bce: o.centre.bce }), { size: 9 });
  w.gap(18);
  line(t("ru.pdf.summaryHeading", { year: o.year }), { font: bold, size: 14 });
  line(t("ru.pdf.asOf", { date: stamp(o.at) }), { size: 9 });
  w.gap(10);
  for (const r of o.rows) {
    line(`${definitionIn(r.def, o.locale).title} — ${status(r.status)}`, { font: bold, size: 11 });
    const outcome = !r.notJustifiedCents ? "none" : r.carriedOver ? "carried" : "recovered";
    w.paragraph(
      pdfText(
        t("ru.pdf.summaryAmounts", { granted: money(r.grantedCents), justified: money(r.justifiedCents), notJustified: money(r.notJustifiedCents), outcome }),
      ),
      { indent: 12 },
    );
    w.gap(4);
  }
  const sum = (k: "grantedCents" | "justifiedCents" | "notJustifiedCents") => o.rows.reduce((s, r) => s + r[k], 0);
  w.gap(6);
  line(
    t("ru.pdf.summaryTotal", { granted: money(sum("grantedCents")), justified: money(sum("justifiedCents")), notJustified: money(sum("notJustifiedCents")) }),
    {
      font: bold,
    },
  );
  return pdf.save();
}
