import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";

import { formatBce } from "@/lib/validation/bce";
import { formatNiss } from "@/lib/validation/niss";

import { formatDate } from "../dates";

import type { AttestationSnapshot } from "./attestation-schema";

export type AttestationContent = { number: string; snapshot: AttestationSnapshot; niss: string; place: string; signatory: string; reason: string | null };

const KIND_LABELS = { ART_60_7: "article 60, § 7", ART_61: "article 61" } as const;
const MARGIN = 56;
export const A4: [number, number] = [595.28, 841.89];

/**
 * The attestation as a one-page (or more) A4 PDF. The standard Helvetica font only knows
 * Windows-1252: a letter outside it (a Polish or Turkish name) is written without its accent rather
 * than making the whole document fail.
 */
export async function renderAttestationPdf(c: AttestationContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Attestation ${c.number}`);
  pdf.setAuthor(c.snapshot.centre.name);
  pdf.setCreator("Portail CPAS");
  pdf.setCreationDate(new Date(`${c.snapshot.issuedOn}T12:00:00Z`));
  pdf.setModificationDate(new Date(`${c.snapshot.issuedOn}T12:00:00Z`));
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(pdf, regular);
  const s = c.snapshot;
  const name = `${s.worker.firstName} ${s.worker.lastName}`;

  w.line(s.centre.name, { font: bold, size: 13 });
  w.line(`Centre public d'action sociale — numéro d'entreprise ${formatBce(s.centre.bce)}`, { size: 9 });
  w.gap(28);
  w.line("Attestation de périodes de travail sous contrat article 60, § 7 ou article 61", { font: bold, size: 13 });
  w.line(`de la loi organique des CPAS du 8 juillet 1976 — N° ${c.number}`, { size: 10 });
  w.gap(18);
  w.paragraph(
    `Le ${s.centre.name} atteste que ${name}, numéro national ${formatNiss(c.niss)}, ${s.periods.some((p) => p.isUpcoming) ? "a été, est ou sera" : "a été ou est"} occupé(e) dans le cadre des contrats suivants :`,
  );
  w.gap(6);
  for (const p of s.periods) w.paragraph(`•  ${describePeriod(p)}`, { indent: 12 });
  w.gap(10);
  w.paragraph(
    "En application de l'arrêté du Gouvernement wallon de pouvoirs spéciaux n° 58 du 1er décembre 2020, ces périodes sont assimilées à des périodes d'inoccupation pour l'accès aux aides à l'emploi Impulsion.",
  );
  if (c.reason) {
    w.gap(6);
    w.paragraph(`Motif de la demande : ${c.reason}`);
  }
  w.gap(6);
  w.paragraph("La présente attestation est délivrée pour servir et valoir ce que de droit, notamment auprès du FOREM.");
  w.gap(24);
  w.line(`Fait à ${c.place}, le ${formatDate(s.issuedOn)}.`);
  w.gap(40);
  w.line(c.signatory, { font: bold });
  w.line("Signature :", { size: 9 });
  return pdf.save();
}

/** One line of the attestation: a contract not started yet is « à venir », never « en cours ». */
export function describePeriod(p: AttestationSnapshot["periods"][number]): string {
  const end = p.isEnded ? `au ${formatDate(p.endDate)}` : `${p.isUpcoming ? "à venir" : "en cours"} (fin prévue le ${formatDate(p.endDate)})`;
  const employer = p.kind === "ART_61" && p.employerName ? `, mis(e) à disposition de ${p.employerName}` : "";
  return `Contrat ${KIND_LABELS[p.kind]} du ${formatDate(p.startDate)} ${end}${employer}.`;
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
