import { XMLParser, XMLValidator } from "fast-xml-parser";

import { type MessageKey, msg } from "@/lib/i18n/message-ref";

// Reading the social security's return files (DOMAIN.md « Acknowledgements »; socialsecurity.be
// TechLib ACRF and NOTIFICATION schemas): `FO.ACRF…` = receipt and formal check
// (Form/FileReference/FileName, Form/ReceptionResult/ResultCode 1 accepted for processing or 0
// refused, with ErrorID such as ACRF-125); `FO.NOTI…` = notification of processing
// (Form/HandlingResult/ResultCode, AnomalyReport with ErrorID, AnomalyClass B blocking, W warning,
// I information…, AnomalyLabel). Nothing read here is trusted: entities are never expanded, a
// DOCTYPE or entity declaration (an XML bomb's vehicle; these files never carry one) is recorded as
// hostile, anything that is not well-formed XML of the expected shape as malformed.

export type AcrfError = { code: string; label: string };
export type Anomaly = { errorId: string; anomalyClass: string | null; label: string | null };
export type ParsedAcknowledgement =
  | { kind: "ACRF"; forms: { quotedName: string | null; resultCode: string; accepted: boolean; errors: AcrfError[] }[] }
  | { kind: "NOTI"; forms: { quotedName: string | null; resultCode: string; accepted: boolean; anomalies: Anomaly[] }[] }
  | { kind: "HOSTILE" | "MALFORMED"; problem: string };

/**
 * ACRF codes named in DOMAIN.md (batch directives, received.htm), with their meaning as a catalogue
 * reference (batch.acrf.*: French from the directives; the Dutch labels are ours, « to confirm » in
 * docs/glossary.md).
 */
const ACRF_LABELS: Record<string, MessageKey> = {
  "112": "batch.acrf.name",
  "113": "batch.acrf.name",
  "127": "batch.acrf.name",
  "367": "batch.acrf.name",
  "114": "batch.acrf.parts",
  "115": "batch.acrf.parts",
  "116": "batch.acrf.parts",
  "128": "batch.acrf.parts",
  "122": "batch.acrf.fsCount",
  "124": "batch.acrf.fsCount",
  "125": "batch.acrf.signature",
  "130": "batch.acrf.noGo",
  "133": "batch.acrf.duplicate",
  "153": "batch.acrf.certificate",
};

export function acrfLabel(errorId: string): AcrfError {
  const code = /(\d{3})$/.exec(errorId.trim())?.[1] ?? errorId.trim();
  return { code, label: msg(ACRF_LABELS[code] ?? "batch.acrf.unknown") };
}

const FORBIDDEN = /<!DOCTYPE|<!ENTITY/i;
const parser = new XMLParser({
  ignoreAttributes: true,
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => ["Form", "ErrorID", "AnomalyReport"].includes(name),
});

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === "string" || typeof v === "number" ? String(v).slice(0, 500) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

export function parseAcknowledgement(bytes: Uint8Array, kind: "ACRF" | "NOTI"): ParsedAcknowledgement {
  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { kind: "MALFORMED", problem: msg("batch.ackProblem.notUtf8") };
  }
  if (FORBIDDEN.test(xml)) return { kind: "HOSTILE", problem: msg("batch.ackProblem.hostile") };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { kind: "MALFORMED", problem: msg("batch.ackProblem.malformed", { line: valid.err.line }) };
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    return { kind: "MALFORMED", problem: msg("batch.ackProblem.unreadable") };
  }
  const roots = isNode(doc) ? Object.values(doc).filter(isNode) : [];
  const forms = roots.length === 1 ? list(roots[0]!.Form).filter(isNode) : [];
  if (forms.length === 0) return { kind: "MALFORMED", problem: msg("batch.ackProblem.noForm") };

  const quoted = (form: Node) => (isNode(form.FileReference) ? text(form.FileReference.FileName) : null);
  const resultKey = kind === "ACRF" ? "ReceptionResult" : "HandlingResult";
  if (forms.some((f) => !isNode(f[resultKey]) || !/^\d$/.test(text((f[resultKey] as Node).ResultCode) ?? ""))) {
    return { kind: "MALFORMED", problem: msg("batch.ackProblem.noResult", { element: resultKey }) };
  }
  if (kind === "ACRF") {
    return {
      kind,
      forms: forms.map((f) => {
        const result = f.ReceptionResult as Node;
        const resultCode = text(result.ResultCode)!;
        return {
          quotedName: quoted(f),
          resultCode,
          accepted: resultCode === "1",
          errors: list(result.ErrorID)
            .map(text)
            .filter((e) => e !== null)
            .map(acrfLabel),
        };
      }),
    };
  }
  return {
    kind,
    forms: forms.map((f) => {
      const result = f.HandlingResult as Node;
      const anomalies = list(result.AnomalyReport)
        .filter(isNode)
        .map((a) => ({
          errorId: text(a.ErrorID instanceof Array ? a.ErrorID[0] : a.ErrorID) ?? "?",
          anomalyClass: text(a.AnomalyClass),
          label: text(a.AnomalyLabel),
        }));
      const resultCode = text(result.ResultCode)!;
      // Assumed (the NOTI glossary is not in the seeds): refused when the result code is 0 or an anomaly is blocking (class B).
      const accepted = resultCode !== "0" && !anomalies.some((a) => a.anomalyClass === "B");
      return { quotedName: quoted(f), resultCode, accepted, anomalies };
    }),
  };
}
