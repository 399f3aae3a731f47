// The batch channel's file names (DOMAIN.md, from the socialsecurity.be batch directives):
//   FI.<CODE>.<sender 6 digits>.<YYYYMMDD>.<sequence>.<R|T>.<parts>.<part>   data file, one per part
//   FS.<same as FI>                                                          its signature (production)
//   GO.<CODE>.<sender>.<YYYYMMDD>.<sequence>.<R|T>.<parts>                   empty, starts processing
//   TD.<same as GO>                                                          empty, cancels a sending
//     that has no GO yet (socialsecurity.be « Créer les fichiers FI, FS et GO », v13: « le fichier
//     vide qui annule le traitement », named like the GO)
// R = real (production, directory IN), T = test (simulation, directory INTEST, no FS needed).
// The sequence is written with 5 digits (00001…99999), unique per sender, date and environment
// (ACRF 112/113/127/367 refuse other shapes, 133 a name already sent: file-sequence.ts gives it);
// the part count is one non-zero digit (ACRF 114–116, 128).
// The service code is the one the service's own batch documentation gives: it is not guessed here.

import { msg } from "@/lib/i18n/message-ref";

export type Environment = "R" | "T";

export type FileSet = {
  code: string;
  senderNumber: string;
  date: string; // YYYY-MM-DD
  sequence: number;
  environment: Environment;
  parts: number;
};

export type FileNameError = { field: keyof FileSet; message: string };

const CODE = /^[A-Z0-9]{2,12}$/;
const SENDER = /^\d{6}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MAX_PARTS = 9;
export const MAX_SEQUENCE = 99_999;

function isRealDate(iso: string): boolean {
  const m = ISO_DATE.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso;
}

/** Every problem of a requested set, in French, field by field (empty when it is valid). */
export function checkFileSet(s: FileSet): FileNameError[] {
  const errors: FileNameError[] = [];
  if (!CODE.test(s.code)) errors.push({ field: "code", message: msg("batch.errors.fileCode") });
  if (!SENDER.test(s.senderNumber)) errors.push({ field: "senderNumber", message: msg("batch.errors.fileSender") });
  if (!isRealDate(s.date)) errors.push({ field: "date", message: msg("batch.errors.fileDate") });
  if (!Number.isInteger(s.sequence) || s.sequence < 1 || s.sequence > MAX_SEQUENCE)
    errors.push({ field: "sequence", message: msg("batch.errors.fileSequence", { max: MAX_SEQUENCE }) });
  if (s.environment !== "R" && s.environment !== "T") errors.push({ field: "environment", message: msg("batch.errors.environmentRT") });
  if (!Number.isInteger(s.parts) || s.parts < 1 || s.parts > MAX_PARTS)
    errors.push({ field: "parts", message: msg("batch.errors.fileParts", { max: MAX_PARTS }) });
  return errors;
}

/** 7 → "00007", as the directives write it. */
export const formatSequence = (sequence: number) => String(sequence).padStart(5, "0");

/** The names of one sending: FI (and FS in production) for each part, then the one GO. */
export function buildFileNames(s: FileSet): { fi: string[]; fs: string[]; go: string; directory: "IN" | "INTEST" } {
  const errors = checkFileSet(s);
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join(" "));
  const stem = [s.code, s.senderNumber, s.date.replaceAll("-", ""), formatSequence(s.sequence), s.environment, String(s.parts)].join(".");
  const parts = Array.from({ length: s.parts }, (_, i) => `${stem}.${i + 1}`);
  return {
    fi: parts.map((p) => `FI.${p}`),
    fs: s.environment === "R" ? parts.map((p) => `FS.${p}`) : [],
    go: `GO.${stem}`,
    directory: s.environment === "R" ? "IN" : "INTEST",
  };
}

/** The TD (cancellation) of a sending: the GO's name with the prefix TD. */
export function cancellationName(goName: string): string {
  const parsed = parseFileName(goName);
  if (!parsed || parsed.kind !== "GO") throw new Error(`not a GO file name: ${goName}`);
  return `TD${goName.slice(2)}`;
}

export type ParsedName = { kind: "FI" | "FS" | "GO" | "TD"; set: FileSet; part: number | null };

const NAME = /^(FI|FS|GO|TD)\.([A-Z0-9]{2,12})\.(\d{6})\.(\d{8})\.(\d{5})\.([RT])\.([1-9])(?:\.(\d))?$/;

/** Reads a file name back; null when it does not follow the rule (a GO or TD has no part, FI/FS have one). */
export function parseFileName(name: string): ParsedName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, kind, code, senderNumber, ymd, seq, env, partsText, partText] = m;
  const date = `${ymd!.slice(0, 4)}-${ymd!.slice(4, 6)}-${ymd!.slice(6, 8)}`;
  const set: FileSet = { code: code!, senderNumber: senderNumber!, date, sequence: Number(seq), environment: env as Environment, parts: Number(partsText) };
  if (checkFileSet(set).length > 0) return null;
  const part = partText === undefined ? null : Number(partText);
  if (kind === "GO" || kind === "TD" ? part !== null : part === null || part < 1 || part > set.parts) return null;
  return { kind: kind as ParsedName["kind"], set, part };
}
