import { XMLParser, XMLValidator } from "fast-xml-parser";

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

/** ACRF codes named in DOMAIN.md (batch directives, received.htm), with their meaning in French. */
const ACRF_LABELS: Record<string, string> = {
  "112": "Nom de fichier mal formé",
  "113": "Nom de fichier mal formé",
  "127": "Nom de fichier mal formé",
  "367": "Nom de fichier mal formé",
  "114": "Nombre de parties incorrect",
  "115": "Nombre de parties incorrect",
  "116": "Nombre de parties incorrect",
  "128": "Nombre de parties incorrect",
  "122": "Nombre de fichiers de signature (FS) incorrect",
  "124": "Nombre de fichiers de signature (FS) incorrect",
  "125": "Signature (FS) invalide",
  "130": "Fichier GO manquant",
  "133": "Nom de fichier déjà envoyé",
  "153": "Le certificat ne correspond pas à son titulaire (certificat non enregistré pour ce canal)",
};

export function acrfLabel(errorId: string): AcrfError {
  const code = /(\d{3})$/.exec(errorId.trim())?.[1] ?? errorId.trim();
  return { code, label: ACRF_LABELS[code] ?? "Code inconnu du portail : voyez la liste des erreurs ACRF de la sécurité sociale" };
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
    return { kind: "MALFORMED", problem: "Le fichier n'est pas du texte UTF-8." };
  }
  if (FORBIDDEN.test(xml))
    return { kind: "HOSTILE", problem: "Le fichier déclare un DOCTYPE ou des entités (possible « bombe XML ») : il n'a pas été interprété." };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { kind: "MALFORMED", problem: `XML mal formé (ligne ${valid.err.line}).` };
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    return { kind: "MALFORMED", problem: "XML illisible." };
  }
  const roots = isNode(doc) ? Object.values(doc).filter(isNode) : [];
  const forms = roots.length === 1 ? list(roots[0]!.Form).filter(isNode) : [];
  if (forms.length === 0) return { kind: "MALFORMED", problem: "Structure inattendue : aucun formulaire (Form) dans le fichier." };

  const quoted = (form: Node) => (isNode(form.FileReference) ? text(form.FileReference.FileName) : null);
  const resultKey = kind === "ACRF" ? "ReceptionResult" : "HandlingResult";
  if (forms.some((f) => !isNode(f[resultKey]) || !/^\d$/.test(text((f[resultKey] as Node).ResultCode) ?? ""))) {
    return { kind: "MALFORMED", problem: `Structure inattendue : ${resultKey}/ResultCode absent ou invalide.` };
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
