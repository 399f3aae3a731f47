import { webcrypto, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";

import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

import { env } from "@/lib/env";
import { belgianDay } from "@/lib/c607/calendar-date";
import { msg } from "@/lib/i18n/message-ref";

// Checking an FS before it leaves the portal (issue 14; DOMAIN.md, "FS format": a simple PKCS#7/CMS
// SignedData, detached, over the exact FI bytes, SHA-256, Base64 on one line or in lines; made with
// the qualified certificate whose public part the manager registered in Chaman). The social
// security checks the same things days later and answers with an ACRF: 125 (invalid signature) or
// 153 (certificate that does not match its owner). Refusing here saves that round trip.
//
// Node's crypto has no CMS parser, so PKI.js (with asn1js) reads the structure and verifies the
// signature (its SignedData.verify, with Node's Web Crypto as engine); Node's X509Certificate reads
// the channel's certificate and its dates. Reasons are catalogue references (batch.signature.*,
// batch.returnSignature.*), read in the reader's language.

export const SHA256_OID = "2.16.840.1.101.3.4.2.1";
const SIGNED_DATA_OID = "1.2.840.113549.1.7.2";
const ENGINE = new pkijs.CryptoEngine({ name: "node-webcrypto", crypto: webcrypto as unknown as Crypto });

export type SignatureRefusal = { acrf: 125 | 153; reason: string };

const refuse = (acrf: 125 | 153, reason: string): SignatureRefusal => ({ acrf, reason });
const BASE64_LINES = /^[A-Za-z0-9+/=\r\n]+$/;

/** The DER inside an FS: Base64, on one line or in lines (CR, LF or CRLF), without PEM header lines. */
function decodeFs(fs: Uint8Array): Uint8Array | SignatureRefusal {
  const text = Buffer.from(fs).toString("latin1").trim();
  if (text.startsWith("-----BEGIN")) {
    return refuse(125, msg("batch.signature.pemHeaders"));
  }
  if (!BASE64_LINES.test(text)) return refuse(125, msg("batch.signature.notBase64"));
  const compact = text.replace(/[\r\n]/g, "");
  if (compact.length % 4 !== 0 || /=[^=]/.test(compact)) return refuse(125, msg("batch.signature.badBase64"));
  return new Uint8Array(Buffer.from(compact, "base64"));
}

function parseSignedData(der: Uint8Array): pkijs.SignedData | SignatureRefusal {
  const garbage = refuse(125, msg("batch.signature.unreadable"));
  try {
    const asn = asn1js.fromBER(der);
    if (asn.offset === -1 || asn.offset !== der.byteLength) return garbage;
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== SIGNED_DATA_OID) return refuse(125, msg("batch.signature.notSignedData"));
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
    return refuse(125, msg("batch.signature.attached"));
  }
  if (signed.signerInfos.length !== 1) return refuse(125, msg("batch.signature.oneSigner"));
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

export type ReturnSignature = { status: "VALID" | "INVALID" | "UNTRUSTED" | "UNCHECKED"; note: string };

/** The certificates of a PEM bundle (the CAs accepted for return files); throws when it holds none. */
export function readTrustAnchors(pem: string): pkijs.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const anchors = blocks.map((block) => {
    const der = new Uint8Array(new X509Certificate(block).raw);
    return new pkijs.Certificate({ schema: asn1js.fromBER(der).result });
  });
  if (anchors.length === 0) throw new Error("no certificate in the trust anchors bundle");
  return anchors;
}

let configured: { path: string; anchors: pkijs.Certificate[] | "UNREADABLE" } | null = null;

/**
 * The accepted CAs from BATCH_TRUST_ANCHORS_FILE (a PEM bundle), read once per path; null when
 * none is configured, "UNREADABLE" when the file cannot be read or holds no certificate.
 */
export function configuredTrustAnchors(): pkijs.Certificate[] | "UNREADABLE" | null {
  const file = env().BATCH_TRUST_ANCHORS_FILE;
  if (!file) return null;
  if (configured?.path !== file) {
    let anchors: pkijs.Certificate[] | "UNREADABLE";
    try {
      anchors = readTrustAnchors(readFileSync(file, "utf8"));
    } catch {
      anchors = "UNREADABLE";
    }
    configured = { path: file, anchors };
  }
  return configured.anchors;
}

const subjectOf = (cert: pkijs.Certificate) => new X509Certificate(Buffer.from(cert.toSchema().toBER(false))).subject.replaceAll("\n", ", ");

/** PKI.js's path building from the signer to one of the anchors, with the certificates the FS carries. */
async function checkChain(signer: pkijs.Certificate, carried: pkijs.Certificate[], anchors: pkijs.Certificate[], now: Date) {
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: anchors, certs: [...carried.filter((c) => c !== signer), signer], checkDate: now });
  const result = await engine.verify({}, ENGINE).catch((e: unknown) => ({
    result: false,
    resultCode: e instanceof pkijs.ChainValidationError ? e.code : -1,
    certificatePath: undefined,
  }));
  if (result.result) {
    const path = result.certificatePath ?? [];
    return { ok: true as const, ca: path.length > 0 ? subjectOf(path[path.length - 1]!) : "" };
  }
  // 8: a certificate of the path is expired or not yet valid; -1 (« No valid certificate paths
  // found »), 60/97 and the name-chaining codes: no path to an anchor; anything else: said as such.
  const reason =
    result.resultCode === 8
      ? msg("batch.returnSignature.chainExpired")
      : [pkijs.ChainValidationCode.unknown, pkijs.ChainValidationCode.noPath, pkijs.ChainValidationCode.noValidPath, 10, 98, 99].includes(result.resultCode)
        ? msg("batch.returnSignature.chainNoPath")
        : msg("batch.returnSignature.chainOther");
  return { ok: false as const, reason };
}

/**
 * The signature (FS) of a return file of the social security: checked with the certificate it
 * carries, then that certificate's chain built to one of the accepted CAs (BATCH_TRUST_ANCHORS_FILE,
 * or `anchors` given) with the intermediate certificates the FS carries. VALID: sound signature and
 * chain (or no CA configured, which the note says); UNTRUSTED: sound signature, chain refused
 * (the file is intact, its author not proven); INVALID: the signature does not match the file.
 */
export async function checkReturnSignature(o: {
  fo: Uint8Array;
  fs: Uint8Array | null;
  now?: Date;
  anchors?: pkijs.Certificate[] | "UNREADABLE" | null;
}): Promise<ReturnSignature> {
  if (!o.fs) return { status: "UNCHECKED", note: msg("batch.returnSignature.noFs") };
  const signed = readDetachedSignature(o.fs);
  if ("reason" in signed) return { status: "INVALID", note: signed.reason };
  const carried = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signer = signerCertificate(signed, carried);
  if (!signer) return { status: "UNCHECKED", note: msg("batch.returnSignature.noCertificate") };
  const now = o.now ?? new Date();
  const result = await verifyDetached(signed, signer, o.fo, now);
  if (!result.signatureVerified) return { status: "INVALID", note: msg("batch.returnSignature.mismatch") };
  const subject = subjectOf(signer);
  const anchors = o.anchors === undefined ? configuredTrustAnchors() : o.anchors;
  if (anchors === null) return { status: "VALID", note: msg("batch.returnSignature.chainUnconfigured", { subject }) };
  if (anchors === "UNREADABLE") return { status: "UNCHECKED", note: msg("batch.returnSignature.anchorsUnreadable", { subject }) };
  const chain = await checkChain(signer, carried, anchors, now);
  return chain.ok
    ? { status: "VALID", note: msg("batch.returnSignature.chainVerified", { subject, ca: chain.ca }) }
    : { status: "UNTRUSTED", note: msg("batch.returnSignature.chainRefused", { subject, reason: chain.reason }) };
}

/**
 * Checks one FS against its FI and the channel's registered certificate (DER). Null when the FS
 * would pass; otherwise the reason, in French, and the ACRF code the social security would give.
 */
export async function verifyFs(o: { fi: Uint8Array; fs: Uint8Array; channelCertificateDer: Uint8Array; now?: Date }): Promise<SignatureRefusal | null> {
  const now = o.now ?? new Date();
  const registered = new X509Certificate(Buffer.from(o.channelCertificateDer));
  const validTo = new Date(registered.validTo);
  if (validTo <= now) return refuse(125, msg("batch.signature.channelExpired", { date: belgianDay(validTo) }));
  if (new Date(registered.validFrom) > now) return refuse(125, msg("batch.signature.channelNotYetValid"));

  const signed = readDetachedSignature(o.fs);
  if ("reason" in signed) return signed;
  if (signed.signerInfos[0]!.digestAlgorithm.algorithmId !== SHA256_OID) {
    return refuse(125, msg("batch.signature.notSha256"));
  }

  const channelCert = new pkijs.Certificate({ schema: asn1js.fromBER(new Uint8Array(registered.raw)).result });
  const carried = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signer = signerCertificate(signed, [...carried, channelCert]);
  if (!signer || !spkiOf(signer).equals(spkiOf(channelCert))) {
    return refuse(153, msg("batch.signature.otherCertificate"));
  }
  if (signer.notAfter.value <= now) return refuse(125, msg("batch.signature.signerExpired", { date: belgianDay(signer.notAfter.value) }));
  if (signer.notBefore.value > now) return refuse(125, msg("batch.signature.signerNotYetValid"));

  const result = await verifyDetached(signed, signer, o.fi, now);
  if (result.signatureVerified) return null;
  if (/digest doesn't match/i.test(result.message ?? "")) return refuse(125, msg("batch.signature.otherFile"));
  return refuse(125, msg("batch.signature.badSignature"));
}
