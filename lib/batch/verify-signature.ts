import { webcrypto, X509Certificate } from "node:crypto";

import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

// Checking an FS before it leaves the portal (issue 14; DOMAIN.md, "FS format": a simple PKCS#7/CMS
// SignedData, detached, over the exact FI bytes, SHA-256, Base64 on one line or in lines; made with
// the qualified certificate whose public part the manager registered in Chaman). The social
// security checks the same things days later and answers with an ACRF: 125 (invalid signature) or
// 153 (certificate that does not match its owner). Refusing here saves that round trip.
//
// Node's crypto has no CMS parser, so PKI.js (with asn1js) reads the structure and verifies the
// signature (its SignedData.verify, with Node's Web Crypto as engine); Node's X509Certificate reads
// the channel's certificate and its dates.

export const SHA256_OID = "2.16.840.1.101.3.4.2.1";
const SIGNED_DATA_OID = "1.2.840.113549.1.7.2";
const ENGINE = new pkijs.CryptoEngine({ name: "node-webcrypto", crypto: webcrypto as unknown as Crypto });

export type SignatureRefusal = { acrf: 125 | 153; reason: string };

const refuse = (acrf: 125 | 153, reason: string): SignatureRefusal => ({ acrf, reason });
const dayFr = (d: Date) => d.toLocaleDateString("fr-BE", { timeZone: "Europe/Brussels" });
const BASE64_LINES = /^[A-Za-z0-9+/=\r\n]+$/;

/** The DER inside an FS: Base64, on one line or in lines (CR, LF or CRLF), without PEM header lines. */
function decodeFs(fs: Uint8Array): Uint8Array | SignatureRefusal {
  const text = Buffer.from(fs).toString("latin1").trim();
  if (text.startsWith("-----BEGIN")) {
    return refuse(125, "Le fichier FS garde ses lignes d'en-tête PEM (« -----BEGIN … ») : les directives demandent le Base64 seul, sans ces lignes.");
  }
  if (!BASE64_LINES.test(text)) return refuse(125, "Le fichier FS n'est pas une signature en Base64 (directives du canal batch).");
  const compact = text.replace(/[\r\n]/g, "");
  if (compact.length % 4 !== 0 || /=[^=]/.test(compact)) return refuse(125, "Le fichier FS n'est pas un Base64 valide.");
  return new Uint8Array(Buffer.from(compact, "base64"));
}

function parseSignedData(der: Uint8Array): pkijs.SignedData | SignatureRefusal {
  const garbage = refuse(125, "Le fichier FS ne contient pas une signature CMS/PKCS#7 lisible.");
  try {
    const asn = asn1js.fromBER(der);
    if (asn.offset === -1 || asn.offset !== der.byteLength) return garbage;
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== SIGNED_DATA_OID) return refuse(125, "Le fichier FS n'est pas une signature CMS (SignedData).");
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    return garbage;
  }
}

const spkiOf = (cert: pkijs.Certificate) => Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER(false));

/** The certificate the signer's identifier names, among those the FS carries and the channel's own. */
function signerCertificate(signed: pkijs.SignedData, candidates: pkijs.Certificate[]): pkijs.Certificate | null {
  const sid = signed.signerInfos[0]!.sid as pkijs.IssuerAndSerialNumber | asn1js.OctetString;
  for (const cert of candidates) {
    if (sid instanceof pkijs.IssuerAndSerialNumber) {
      if (cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber)) return cert;
    } else {
      const ski = cert.extensions?.find((e) => e.extnID === "2.5.29.14")?.parsedValue as asn1js.OctetString | undefined;
      if (ski && Buffer.from(ski.valueBlock.valueHexView).equals(Buffer.from(sid.valueBlock.valueHexView))) return cert;
    }
  }
  return null;
}

/** An FS read as one detached CMS SignedData with one signer, or why it cannot be one. */
function readDetachedSignature(fs: Uint8Array): pkijs.SignedData | SignatureRefusal {
  const der = decodeFs(fs);
  if ("reason" in der) return der;
  const signed = parseSignedData(der);
  if ("reason" in signed) return signed;
  if (signed.encapContentInfo.eContent) {
    return refuse(125, "Le fichier FS contient les données signées : les directives demandent une signature détachée du fichier FI.");
  }
  if (signed.signerInfos.length !== 1) return refuse(125, "Le fichier FS doit porter une seule signature.");
  return signed;
}

/** PKI.js's verification of the one signature over `data` with `signer`'s key (the chain is not built). */
async function verifyDetached(signed: pkijs.SignedData, signer: pkijs.Certificate, data: Uint8Array, now: Date) {
  signed.certificates = [signer];
  return signed
    .verify({ signer: 0, data: new Uint8Array(data).buffer, checkChain: false, checkDate: now, extendedMode: true }, ENGINE)
    .catch((e: unknown) =>
      e instanceof pkijs.SignedDataVerifyError ? { signatureVerified: false, message: e.message } : { signatureVerified: false, message: "" },
    );
}

export type ReturnSignature = { status: "VALID" | "INVALID" | "UNCHECKED"; note: string };

/**
 * The signature (FS) of a return file of the social security, checked with the certificate it
 * carries: sound or not. Its chain to an accepted CA is not built (no trust list in the portal),
 * so a sound signature says the file is intact, not who made it; the note says so.
 */
export async function checkReturnSignature(o: { fo: Uint8Array; fs: Uint8Array | null; now?: Date }): Promise<ReturnSignature> {
  if (!o.fs) return { status: "UNCHECKED", note: "Pas de fichier FS : signature non vérifiée." };
  const signed = readDetachedSignature(o.fs);
  if ("reason" in signed) return { status: "INVALID", note: signed.reason };
  const carried = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signer = signerCertificate(signed, carried);
  if (!signer) return { status: "UNCHECKED", note: "La signature ne porte pas son certificat : non vérifiée." };
  const result = await verifyDetached(signed, signer, o.fo, o.now ?? new Date());
  if (!result.signatureVerified) return { status: "INVALID", note: "La signature ne correspond pas au fichier reçu." };
  const subject = new X509Certificate(Buffer.from(signer.toSchema().toBER(false))).subject.replaceAll("\n", ", ");
  return { status: "VALID", note: `Signature valide (certificat « ${subject} ») ; sa chaîne de certification n'est pas vérifiée par le portail.` };
}

/**
 * Checks one FS against its FI and the channel's registered certificate (DER). Null when the FS
 * would pass; otherwise the reason, in French, and the ACRF code the social security would give.
 */
export async function verifyFs(o: { fi: Uint8Array; fs: Uint8Array; channelCertificateDer: Uint8Array; now?: Date }): Promise<SignatureRefusal | null> {
  const now = o.now ?? new Date();
  const registered = new X509Certificate(Buffer.from(o.channelCertificateDer));
  const validTo = new Date(registered.validTo);
  if (validTo <= now) return refuse(125, `Le certificat du canal a expiré le ${dayFr(validTo)} : renouvelez-le et enregistrez le nouveau dans Chaman.`);
  if (new Date(registered.validFrom) > now) return refuse(125, "Le certificat du canal n'est pas encore valide.");

  const signed = readDetachedSignature(o.fs);
  if ("reason" in signed) return signed;
  if (signed.signerInfos[0]!.digestAlgorithm.algorithmId !== SHA256_OID) {
    return refuse(125, "Le fichier FS n'est pas signé avec SHA-256 (SHA-1 et les autres condensés sont refusés).");
  }

  const channelCert = new pkijs.Certificate({ schema: asn1js.fromBER(new Uint8Array(registered.raw)).result });
  const carried = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signer = signerCertificate(signed, [...carried, channelCert]);
  if (!signer || !spkiOf(signer).equals(spkiOf(channelCert))) {
    return refuse(153, "Le fichier FS a été signé avec un autre certificat que celui du canal (clé publique différente de celle enregistrée dans Chaman).");
  }
  if (signer.notAfter.value <= now) return refuse(125, `Le certificat qui a signé le fichier FS a expiré le ${dayFr(signer.notAfter.value)}.`);
  if (signer.notBefore.value > now) return refuse(125, "Le certificat qui a signé le fichier FS n'est pas encore valide.");

  const result = await verifyDetached(signed, signer, o.fi, now);
  if (result.signatureVerified) return null;
  if (/digest doesn't match/i.test(result.message ?? ""))
    return refuse(125, "Le fichier FS est la signature d'un autre fichier : son condensé SHA-256 ne correspond pas à ce fichier FI.");
  return refuse(125, "La signature du fichier FS ne se vérifie pas avec la clé du certificat du canal.");
}
