import { PDFDocument, StandardFonts } from "pdf-lib";

import { Writer } from "@/lib/forem/attestations/render-attestation-pdf";
import type { RuSignerRole } from "@/lib/generated/prisma/enums";

import type { FormCheck } from "./check-form";
import { type FormContent, sectionOf } from "./content";
import type { FormDefinition } from "./definition";
import { SIGNER_LABELS, STATUS_LABELS } from "./labels";
import { formatCents } from "./money";

// The documents of the Rapport unique, kept in the centre's records: each signed form (content, both
// signatures with names, dates and the content hash) and the yearly summary per centre.

const pdfText = (s: string) => s.replace(/[\u202f\u00a0]/g, " ").replace(/−/g, "-");
const day = (iso: string) => iso.split("-").reverse().join("/");
const stamp = (d: Date) => new Intl.DateTimeFormat("fr-BE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Brussels" }).format(d);

async function open(title: string, author: string, date: Date) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setAuthor(author);
  pdf.setCreator("Portail CPAS");
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  return { pdf, bold, w: new Writer(pdf, regular) };
}

export type SignedFormDocument = {
  centre: { name: string; bce: string };
  def: FormDefinition;
  status: keyof typeof STATUS_LABELS;
  version: number;
  content: FormContent;
  check: FormCheck;
  contentHash: string;
  signatures: { role: RuSignerRole; signerName: string; signedAt: Date; contentHash: string }[];
  sentAt: Date | null;
};

export async function renderSignedFormPdf(d: SignedFormDocument): Promise<Uint8Array> {
  const { pdf, bold, w } = await open(`Rapport unique ${d.def.year} — ${d.def.title}`, d.centre.name, d.sentAt ?? new Date(0));
  const line = (t: string, o?: Parameters<Writer["line"]>[1]) => w.line(pdfText(t), o);
  const para = (t: string, o?: Parameters<Writer["paragraph"]>[1]) => w.paragraph(pdfText(t), o);
  line(d.centre.name, { font: bold, size: 13 });
  line(`Numéro d'entreprise ${d.centre.bce}`, { size: 9 });
  w.gap(18);
  line(`Rapport unique — subventions ${d.def.year}`, { font: bold, size: 14 });
  line(`${d.def.title} — version ${d.version} — ${STATUS_LABELS[d.status]}`, { size: 11 });
  w.gap(10);
  line("Montants par enveloppe", { font: bold });
  for (const e of d.check.envelopes) {
    para(
      `${e.label} : octroyé ${e.grantedCents === null ? "—" : formatCents(e.grantedCents)} ; justifié ${formatCents(e.justifiedCents)} ; non justifié ${formatCents(e.notJustifiedCents)}`,
      { indent: 12 },
    );
  }
  para(
    `Total : octroyé ${formatCents(d.check.grantedCents)} ; justifié ${formatCents(d.check.justifiedCents)} ; non justifié ${formatCents(d.check.notJustifiedCents)}`,
    { indent: 12 },
  );
  for (const s of d.def.sections) {
    const c = sectionOf(d.content, s.code);
    w.gap(8);
    line(s.title, { font: bold });
    if (s.kind === "staff") {
      if (!c.staff.length) line("Aucune ligne.", { indent: 12, size: 10 });
      for (const l of c.staff)
        para(`${l.label} — du ${day(l.from)} au ${day(l.to)} — ${(l.fteHundredths / 100).toFixed(2).replace(".", ",")} ETP — ${formatCents(l.costCents)}`, {
          indent: 12,
          size: 10,
        });
    } else if (s.kind === "expenses") {
      if (!c.expenses.length) line("Aucune dépense.", { indent: 12, size: 10 });
      for (const l of c.expenses)
        para(`${s.categories.find((k) => k.code === l.category)?.label ?? l.category} — ${l.description} — ${formatCents(l.amountCents)}`, {
          indent: 12,
          size: 10,
        });
    } else {
      for (const f of s.fields) para(`${f.label} : ${c.values[f.code] ?? "non complété"}`, { indent: 12, size: 10 });
    }
  }
  w.gap(14);
  line("Signatures", { font: bold });
  for (const s of d.signatures)
    para(`${SIGNER_LABELS[s.role]} : ${s.signerName}, signé le ${stamp(s.signedAt)} (second facteur vérifié par le portail).`, { indent: 12 });
  w.gap(6);
  para(`Empreinte SHA-256 du contenu signé : ${d.contentHash}`, { size: 9 });
  if (d.sentAt) para(`Envoyé au SPP Intégration sociale le ${stamp(d.sentAt)}.`, { size: 9 });
  return pdf.save();
}

export type SummaryRow = {
  title: string;
  status: keyof typeof STATUS_LABELS;
  grantedCents: number;
  justifiedCents: number;
  notJustifiedCents: number;
  carriedOver: boolean;
};

export async function renderSummaryPdf(o: { centre: { name: string; bce: string }; year: number; rows: SummaryRow[]; at: Date }): Promise<Uint8Array> {
  const { pdf, bold, w } = await open(`Rapport unique ${o.year} — synthèse`, o.centre.name, o.at);
  const line = (t: string, opts?: Parameters<Writer["line"]>[1]) => w.line(pdfText(t), opts);
  line(o.centre.name, { font: bold, size: 13 });
  line(`Numéro d'entreprise ${o.centre.bce}`, { size: 9 });
  w.gap(18);
  line(`Rapport unique — synthèse des subventions ${o.year}`, { font: bold, size: 14 });
  line(`État au ${stamp(o.at)}`, { size: 9 });
  w.gap(10);
  for (const r of o.rows) {
    line(`${r.title} — ${STATUS_LABELS[r.status]}`, { font: bold, size: 11 });
    w.paragraph(
      pdfText(
        `Octroyé ${formatCents(r.grantedCents)} ; justifié ${formatCents(r.justifiedCents)} ; non justifié ${formatCents(r.notJustifiedCents)}${r.notJustifiedCents ? (r.carriedOver ? " (ajouté au fonds de l'année suivante)" : " (à récupérer)") : ""}`,
      ),
      { indent: 12 },
    );
    w.gap(4);
  }
  const sum = (k: "grantedCents" | "justifiedCents" | "notJustifiedCents") => o.rows.reduce((s, r) => s + r[k], 0);
  w.gap(6);
  line(
    `Total : octroyé ${formatCents(sum("grantedCents"))} ; justifié ${formatCents(sum("justifiedCents"))} ; non justifié ${formatCents(sum("notJustifiedCents"))}`,
    { font: bold },
  );
  return pdf.save();
}
