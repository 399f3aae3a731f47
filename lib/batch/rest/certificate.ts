import { randomBytes, webcrypto, X509Certificate } from "node:crypto";

import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

// The key pair of a REST client (issue 14, docs/batch-channel.md « REST channel »): made by the
// portal, RSA 2048 (RS256 assertions), with a self-signed X.509 certificate that carries its public
// key, to register in Chaman. PKI.js (already used for the FS signatures) writes the certificate:
// Node's crypto reads certificates but cannot make one.

const engine = new pkijs.CryptoEngine({ name: "webcrypto", crypto: webcrypto as unknown as Crypto });
const RSA: RsaHashedKeyGenParams = { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" };
export const CERTIFICATE_DAYS = 730;

export type RestKeyPair = {
  /** PKCS#8 PEM: to seal at once, never to show or log. */
  privateKeyPem: string;
  certificateDer: Uint8Array<ArrayBuffer>;
  certificatePem: string;
  /** SHA-256 of the DER, as Node and `openssl x509 -fingerprint -sha256` print it (AA:BB:…). */
  fingerprint256: string;
  validTo: Date;
};

const pem = (label: string, der: Uint8Array) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .replace(/\n$/, "")}\n-----END ${label}-----\n`;

/** One attribute, the common name: PKI.js writes several attributes as one multi-valued RDN. */
const distinguishedName = (commonName: string) => [new pkijs.AttributeTypeAndValue({ type: "2.5.4.3", value: new asn1js.Utf8String({ value: commonName }) })];

/**
 * A certificate's serial number from 16 random bytes, in DER's minimal form: positive (first bit
 * 0) and with no leading zero byte. Only clearing the first bit left a zero first byte once in 128,
 * and with a second byte below 0x80 (once in 256) the encoding was not minimal: OpenSSL refused the
 * certificate (« PEM routines::no start line ») and the client's registration failed — seen as an
 * intermittent integration failure. The first byte is now 0x40–0x7f.
 */
export function certificateSerial(random: Uint8Array): Uint8Array {
  const serial = Uint8Array.from(random);
  serial[0] = (serial[0]! & 0x3f) | 0x40;
  return serial;
}

/** A new RSA pair and its self-signed certificate (valid from 5 minutes ago for CERTIFICATE_DAYS days). */
export async function makeRestKeyPair(o: { commonName: string; now?: Date }): Promise<RestKeyPair> {
  const now = o.now ?? new Date();
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ["sign", "verify"])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: certificateSerial(randomBytes(16)) });
  cert.subject.typesAndValues.push(...distinguishedName(o.commonName));
  cert.issuer.typesAndValues.push(...distinguishedName(o.commonName));
  cert.notBefore.value = new Date(now.getTime() - 5 * 60_000);
  cert.notAfter.value = new Date(now.getTime() + CERTIFICATE_DAYS * 86_400_000);
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0x80]).buffer, unusedBits: 7 }); // digitalSignature
  const basic = new pkijs.BasicConstraints({ cA: false });
  cert.extensions = [
    new pkijs.Extension({ extnID: "2.5.29.19", critical: true, extnValue: basic.toSchema().toBER(false), parsedValue: basic }),
    new pkijs.Extension({ extnID: "2.5.29.15", critical: true, extnValue: keyUsage.toBER(false), parsedValue: keyUsage }),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  await cert.sign(keys.privateKey, "SHA-256", engine);
  const certificateDer = new Uint8Array(cert.toSchema(true).toBER(false));
  const x509 = new X509Certificate(certificateDer);
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
  return {
    privateKeyPem: pem("PRIVATE KEY", pkcs8),
    certificateDer,
    certificatePem: pem("CERTIFICATE", certificateDer),
    fingerprint256: x509.fingerprint256,
    validTo: new Date(x509.validTo),
  };
}

export const certificatePem = (der: Uint8Array) => pem("CERTIFICATE", der);
