import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";

import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { formatBce } from "@/lib/validation/bce";
import { formatNiss } from "@/lib/validation/niss";

import { formatDate } from "../dates";

import type { AttestationSnapshot } from "./attestation-schema";

export type AttestationContent = {
  number: string;
  snapshot: AttestationSnapshot;
  niss: string;
  place: string;
  signatory: string;
  reason: string | null;
  /** The language of the person who downloads it (issue 13); French by default. */
  locale?: Locale;
};

const MARGIN = 56;
export const A4: [number, number] = [595.28, 841.89];

/**
 * The attestation as a one-page (or more) A4 PDF. The standard Helvetica font only knows
 * Windows-1252: a letter outside it (a Polish or Turkish name) is written without its accent rather
 * than making the whole document fail. Written in the reader's language (messages/<locale>/forem.json,
 * forem.attestation.*); stored data (names, place, signatory, reason) as typed.
 */
export async function renderAttestationPdf(c: AttestationContent): Promise<Uint8Array> {
  const locale = c.locale ?? "fr";
  const t = translatorFor(locale);
  const pdf = await PDFDocument.create();
  pdf.setTitle(t("forem.attestation.title", { number: c.number }));
  pdf.setLanguage(locale === "nl" ? "nl-BE" : "fr-BE");
  pdf.setAuthor(c.snapshot.centre.name);
  pdf.setCreator(t("common.portalName"));
  pdf.setCreationDate(new Date(`${c.snapshot.issuedOn}T12:00:00Z`));
  pdf.setModificationDate(new Date(`${c.snapshot.issuedOn}T12:00:00Z`));
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(pdf, regular);
  const s = c.snapshot;
  const name = `${s.worker.firstName} ${s.worker.lastName}`;

  w.line(s.centre.name, { font: bold, size: 13 });
  w.line(t("forem.attestation.centre", { bce: formatBce(s.centre.bce) }), { size: 9 });
  w.gap(28);
  w.line(t("forem.attestation.heading"), { font: bold, size: 13 });
  w.line(t("forem.attestation.subheading", { number: c.number }), { size: 10 });
  w.gap(18);
  w.paragraph(
    t("forem.attestation.intro", { centre: s.centre.name, name, niss: formatNiss(c.niss), upcoming: s.periods.some((p) => p.isUpcoming) ? "yes" : "no" }),
  );
  w.gap(6);
  for (const p of s.periods) w.paragraph(`•  ${describePeriod(p, locale)}`, { indent: 12 });
  w.gap(10);
  w.paragraph(t("forem.attestation.legal"));
  if (c.reason) {
    w.gap(6);
    w.paragraph(t("forem.attestation.reason", { reason: c.reason }));
  }
  w.gap(6);
  w.paragraph(t("forem.attestation.purpose"));
  w.gap(24);
  w.line(t("forem.attestation.done", { place: c.place, date: formatDate(s.issuedOn) }));
  w.gap(40);
  w.line(c.signatory, { font: bold });
  w.line(t("forem.attestation.signature"), { size: 9 });
  return pdf.save();
}

/** One line of the attestation: a contract not started yet is « à venir », never « en cours ». */
export function describePeriod(p: AttestationSnapshot["periods"][number], locale: Locale = "fr"): string {
  return translatorFor(locale)("forem.attestation.period", {
    kind: p.kind,
    start: formatDate(p.startDate),
    end: formatDate(p.endDate),
    state: p.isEnded ? "ended" : p.isUpcoming ? "upcoming" : "running",
    hasEmployer: p.kind === "ART_61" && p.employerName ? "yes" : "no",
    employer: p.employerName ?? "",
  });
}

/** A cursor that writes lines top to bottom, wrapping paragraphs and adding pages as needed. */
export class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
  ) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  gap(points: number) {
    this.y -= points;
  }

  line(text: string, o: { font?: PDFFont; size?: number; indent?: number } = {}) {
    const size = o.size ?? 11;
    if (this.y - size < MARGIN) {
      this.page = this.pdf.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
    this.y -= size * 1.35;
    const font = o.font ?? this.regular;
    this.page.drawText(encodable(font, text), { x: MARGIN + (o.indent ?? 0), y: this.y, size, font, color: rgb(0.1, 0.1, 0.12) });
  }

  paragraph(text: string, o: { indent?: number; size?: number } = {}) {
    const size = o.size ?? 11;
    const width = A4[0] - 2 * MARGIN - (o.indent ?? 0);
    let current = "";
    for (const word of encodable(this.regular, text).split(" ")) {
      const next = current ? `${current} ${word}` : word;
      if (current && this.regular.widthOfTextAtSize(next, size) > width) {
        this.line(current, { size, indent: o.indent });
        current = word;
      } else current = next;
    }
    if (current) this.line(current, { size, indent: o.indent });
  }
}

function encodable(font: PDFFont, text: string): string {
  return [...text]
    .map((ch) => {
      try {
        font.encodeText(ch);
        return ch;
      } catch {
        const plain = ch.normalize("NFD").replace(/\p{M}/gu, "");
        try {
          font.encodeText(plain);
          return plain;
        } catch {
          return "?";
        }
      }
    })
    .join("");
}
