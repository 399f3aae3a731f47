import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

import { belgianDay } from "@/lib/c607/calendar-date";
import { msg } from "@/lib/i18n/message-ref";

// Making an FS in the browser (issue 14): the person's qualified certificate and its private key
// come from a PKCS#12 file (.p12/.pfx) and its password, read here with PKI.js and Web Crypto; each
// FS is a CMS SignedData, detached, over the exact FI bytes, SHA-256, its DER in Base64 in lines
// of 76 characters (DOMAIN.md « FS format »; socialsecurity.be digital_sign/aspects/types.htm).
// Nothing here sends anything: this module runs in the signing island (components/batch) and, for
// the tests, in Node with its Web Crypto. No Node import, no server import. Refusals are catalogue
// references (batch.signing.*), shown by the island in the person's language.

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  keyBag: "1.2.840.113549.1.12.10.1.1",
  shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
  x509Certificate: "1.2.840.113549.1.9.22.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  ecPublicKey: "1.2.840.10045.2.1",
  p256: "1.2.840.10045.3.1.7",
  p384: "1.2.840.10045.3.1.34",
  p521: "1.2.840.10045.3.1.35",
} as const;

export type SigningProblem =
  "FORMAT" | "PASSWORD" | "NO_KEY" | "NO_CERTIFICATE" | "KEY_MISMATCH" | "UNSUPPORTED" | "EXPIRED" | "NOT_YET_VALID" | "OTHER_CERTIFICATE";

/** A refusal for the person signing; its message is a catalogue reference (batch.signing.*). */
export class SigningError extends Error {
  constructor(
    readonly problem: SigningProblem,
    message: string,
  ) {
    super(message);
    this.name = "SigningError";
  }
}

export type Signer = {
  certificate: pkijs.Certificate;
  privateKey: CryptoKey;
  /** The certificate's subject, as people read it (CN=…, O=…). */
  subject: string;
  notAfter: Date;
};

const engine = () => {
  const crypto = globalThis.crypto;
  return new pkijs.CryptoEngine({ name: "webcrypto", crypto });
};

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

function fromDer<T>(bytes: ArrayBuffer | Uint8Array, make: (schema: asn1js.AsnType) => T): T | null {
  try {
    const asn = asn1js.fromBER(bytes instanceof Uint8Array ? toArrayBuffer(bytes) : bytes);
    if (asn.offset === -1) return null;
    return make(asn.result);
  } catch {
    return null;
  }
}

const NAMES: Record<string, string> = { "2.5.4.3": "CN", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.6": "C", "2.5.4.5": "SERIALNUMBER", "2.5.4.7": "L" };
export const subjectOf = (cert: pkijs.Certificate) =>
  cert.subject.typesAndValues.map((tv) => `${NAMES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`).join(", ");

/** The DER of a certificate's public key (SubjectPublicKeyInfo), to compare two certificates' keys. */
export const publicKeyDer = (cert: pkijs.Certificate) => new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false));
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The Web Crypto algorithm that signs with this certificate's key (RSA PKCS#1 v1.5 or ECDSA), SHA-256. */
function signingAlgorithm(cert: pkijs.Certificate): RsaHashedImportParams | EcKeyImportParams {
  const algorithm = cert.subjectPublicKeyInfo.algorithm;
  if (algorithm.algorithmId === OID.rsaEncryption) return { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  if (algorithm.algorithmId === OID.ecPublicKey) {
    const curve = algorithm.algorithmParams instanceof asn1js.ObjectIdentifier ? algorithm.algorithmParams.valueBlock.toString() : "";
    const namedCurve = { [OID.p256]: "P-256", [OID.p384]: "P-384", [OID.p521]: "P-521" }[curve];
    if (namedCurve) return { name: "ECDSA", namedCurve };
  }
  throw new SigningError("UNSUPPORTED", msg("batch.signing.unsupportedKey"));
}

const isPasswordFailure = (e: unknown) =>
  e instanceof Error && /integrity|password|decrypt|operation-specific reason|OperationError/i.test(`${e.name} ${e.message}`);

/**
 * Opens a PKCS#12 file with its password: the first certificate that has its private key in the
 * file. Refusals (SigningError): not a PKCS#12 file, wrong password, no private key, no
 * certificate, an encryption the browser cannot read (RC2/3DES of old exports), a key that is not
 * the certificate's.
 */
export async function openPkcs12(file: Uint8Array, password: string): Promise<Signer> {
  const crypto = engine();
  const pfx = fromDer(file, (schema) => new pkijs.PFX({ schema }));
  if (!pfx) throw new SigningError("FORMAT", msg("batch.signing.notPkcs12"));
  const secret = toArrayBuffer(new TextEncoder().encode(password));
  try {
    await pfx.parseInternalValues({ password: secret, checkIntegrity: true }, crypto);
  } catch (e) {
    if (isPasswordFailure(e)) throw new SigningError("PASSWORD", msg("batch.signing.wrongPassword"));
    throw new SigningError("FORMAT", msg("batch.signing.unreadable"));
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new SigningError("FORMAT", msg("batch.signing.empty"));
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: secret })) }, crypto);
  } catch (e) {
    if (e instanceof Error && /unsupported|not supported|unknown|Unrecognized/i.test(e.message)) {
      throw new SigningError("UNSUPPORTED", msg("batch.signing.legacy"));
    }
    if (isPasswordFailure(e)) throw new SigningError("PASSWORD", msg("batch.signing.wrongPassword"));
    throw new SigningError("FORMAT", msg("batch.signing.unreadable"));
  }

  const certificates: pkijs.Certificate[] = [];
  const keys: pkijs.PrivateKeyInfo[] = [];
  for (const content of safe.parsedValue?.safeContents ?? []) {
    for (const bag of content.value.safeBags) {
      if (bag.bagId === OID.certBag) {
        const certBag = bag.bagValue as pkijs.CertBag;
        if (certBag.certId === OID.x509Certificate && certBag.parsedValue instanceof pkijs.Certificate) certificates.push(certBag.parsedValue);
      } else if (bag.bagId === OID.shroudedKeyBag) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        try {
          await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }, c: pkijs.ICryptoEngine): Promise<void> }).parseInternalValues(
            { password: secret },
            crypto,
          );
        } catch (e) {
          if (e instanceof Error && /unsupported|not supported|unknown|Unrecognized/i.test(e.message)) {
            throw new SigningError("UNSUPPORTED", msg("batch.signing.legacyKey"));
          }
          throw new SigningError("PASSWORD", msg("batch.signing.wrongPassword"));
        }
        if (shrouded.parsedValue) keys.push(shrouded.parsedValue);
      } else if (bag.bagId === OID.keyBag) {
        keys.push(bag.bagValue as pkijs.PrivateKeyInfo);
      }
    }
  }
  if (keys.length === 0) {
    throw new SigningError("NO_KEY", msg("batch.signing.noKey"));
  }
  if (certificates.length === 0) throw new SigningError("NO_CERTIFICATE", msg("batch.signing.noCertificate"));

  // The certificate whose public key matches the private key: a test signature verified with it.
  const probe = new TextEncoder().encode("cpas-fs-probe");
  for (const certificate of certificates) {
    let algorithm: RsaHashedImportParams | EcKeyImportParams;
    try {
      algorithm = signingAlgorithm(certificate);
    } catch {
      continue;
    }
    const params = algorithm.name === "ECDSA" ? { name: "ECDSA", hash: "SHA-256" } : algorithm;
    for (const key of keys) {
      try {
        const privateKey = await globalThis.crypto.subtle.importKey("pkcs8", key.toSchema().toBER(false), algorithm, false, ["sign"]);
        const publicKey = await globalThis.crypto.subtle.importKey("spki", toArrayBuffer(publicKeyDer(certificate)), algorithm, false, ["verify"]);
        const signature = await globalThis.crypto.subtle.sign(params, privateKey, probe);
        if (await globalThis.crypto.subtle.verify(params, publicKey, signature, probe)) {
          return { certificate, privateKey, subject: subjectOf(certificate), notAfter: certificate.notAfter.value };
        }
      } catch {
        // another key type than this certificate's: try the next pair
      }
    }
  }
  if (certificates.every((c) => !trySupported(c))) signingAlgorithm(certificates[0]!); // throws UNSUPPORTED with its message
  throw new SigningError("KEY_MISMATCH", msg("batch.signing.keyMismatch"));
}

function trySupported(cert: pkijs.Certificate) {
  try {
    signingAlgorithm(cert);
    return true;
  } catch {
    return false;
  }
}

/** The certificate registered on the channel (DER), read once for the comparisons below. */
export function readCertificate(der: Uint8Array): pkijs.Certificate | null {
  return fromDer(der, (schema) => new pkijs.Certificate({ schema }));
}

/**
 * The checks the island makes before signing, as a courtesy (the server checks the FS again and is
 * the authority): the certificate is valid today and has the public key of the one registered on
 * the channel, when that one is known.
 */
export function checkSigner(signer: Signer, o: { now?: Date; registered?: pkijs.Certificate | null } = {}): void {
  const now = o.now ?? new Date();
  const { notBefore, notAfter } = { notBefore: signer.certificate.notBefore.value, notAfter: signer.certificate.notAfter.value };
  if (notAfter <= now) {
    throw new SigningError("EXPIRED", msg("batch.signing.expired", { subject: signer.subject, date: belgianDay(notAfter) }));
  }
  if (notBefore > now) throw new SigningError("NOT_YET_VALID", msg("batch.signing.notYetValid", { subject: signer.subject, date: belgianDay(notBefore) }));
  if (o.registered && !sameBytes(publicKeyDer(signer.certificate), publicKeyDer(o.registered))) {
    throw new SigningError("OTHER_CERTIFICATE", msg("batch.signing.otherCertificate", { subject: signer.subject, registered: subjectOf(o.registered) }));
  }
}

/** Base64 of `der` in lines of 76 characters separated by CRLF (the directives' layout). */
export function base64Lines(der: Uint8Array): string {
  let binary = "";
  for (const byte of der) binary += String.fromCharCode(byte);
  return (btoa(binary).match(/.{1,76}/g) ?? []).join("\r\n");
}

/**
 * One FS: a CMS SignedData over `fi` (detached: the FI bytes are not inside), one signer named by
 * issuer and serial number, its certificate carried, SHA-256, signed attributes content type,
 * signing time and message digest. Returns the FS file's bytes (Base64 in 76-character lines).
 * The signature is verified once made, with the certificate's public key, before it is returned.
 */
export async function signFi(fi: Uint8Array, signer: Signer, o: { now?: Date } = {}): Promise<Uint8Array> {
  const crypto = engine();
  const data = toArrayBuffer(fi);
  const digest = await globalThis.crypto.subtle.digest("SHA-256", data);
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.certificate.issuer, serialNumber: signer.certificate.serialNumber }),
      }),
    ],
    certificates: [signer.certificate],
  });
  signed.signerInfos[0]!.signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: o.now ?? new Date() })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
    ],
  });
  await signed.sign(signer.privateKey, 0, "SHA-256", data, crypto);
  const der = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) }).toSchema().toBER(false);

  const check = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(der).content });
  const isSound = await check.verify({ signer: 0, data, checkChain: false }, crypto).catch(() => false);
  if (!isSound) throw new SigningError("KEY_MISMATCH", msg("batch.signing.notSound"));
  return new TextEncoder().encode(base64Lines(new Uint8Array(der)));
}
