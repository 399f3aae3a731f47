import { createHash, X509Certificate } from "node:crypto";

import ssh2 from "ssh2";

import { belgianDay } from "@/lib/c607/calendar-date";
import { msg } from "@/lib/i18n/message-ref";

// What a Chaman SFTP account holds besides its name (seed 004, step 7): the public part (.cer) of
// the qualified certificate that signs the FS files, and the public SSH key of the sender's SFTP
// client. Only public parts are accepted: a private key is refused with a warning, never stored.
// Refusals are catalogue references (batch.credentials.*), read in the reader's language.

/** A refused certificate or SSH key; `field` names the form field it concerns. */
export class CredentialError extends Error {
  constructor(
    readonly field: "certificate" | "sshPublicKey",
    message: string,
  ) {
    super(message);
  }
}

const PRIVATE_KEY = /PRIVATE KEY-----/;

export type CertificateInfo = {
  der: Buffer;
  subject: string;
  issuer: string;
  serialNumber: string;
  fingerprint256: string;
  validFrom: Date;
  validTo: Date;
};

/** A certificate in PEM or DER (the usual .cer), still valid at `now`. */
export function readCertificate(bytes: Uint8Array, now = new Date()): CertificateInfo {
  const text = Buffer.from(bytes).toString("latin1");
  if (PRIVATE_KEY.test(text)) {
    throw new CredentialError("certificate", msg("batch.credentials.privateKeyInCertificate"));
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(Buffer.from(bytes));
  } catch {
    throw new CredentialError("certificate", msg("batch.credentials.notX509"));
  }
  const validFrom = new Date(cert.validFrom);
  const validTo = new Date(cert.validTo);
  if (validTo <= now) throw new CredentialError("certificate", msg("batch.credentials.expired", { date: belgianDay(validTo) }));
  if (validFrom > now) throw new CredentialError("certificate", msg("batch.credentials.notYetValid"));
  return {
    der: cert.raw,
    subject: cert.subject.replaceAll("\n", ", "),
    issuer: cert.issuer.replaceAll("\n", ", "),
    serialNumber: cert.serialNumber,
    fingerprint256: cert.fingerprint256,
    validFrom,
    validTo,
  };
}

export type SshKeyInfo = { type: string; bits: number; fingerprint: string; normalized: string };

const SSH_LINE = /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521)\s+([A-Za-z0-9+/]+={0,2})(?:\s+([^\r\n]*))?$/;
const ECDSA_BITS: Record<string, number> = { "ecdsa-sha2-nistp256": 256, "ecdsa-sha2-nistp384": 384, "ecdsa-sha2-nistp521": 521 };

/** Reads the SSH wire format: a uint32 length, then that many bytes. */
function reader(blob: Buffer) {
  let at = 0;
  return () => {
    if (at + 4 > blob.length) throw new CredentialError("sshPublicKey", msg("batch.credentials.sshTruncated"));
    const length = blob.readUInt32BE(at);
    if (at + 4 + length > blob.length) throw new CredentialError("sshPublicKey", msg("batch.credentials.sshTruncated"));
    const value = blob.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    return value;
  };
}

/**
 * One OpenSSH public key line ("ssh-ed25519 AAAA… comment"). The blob is decoded and must name
 * the same type; RSA keys need 2048 bits at least. The fingerprint is the one `ssh-keygen -lf` prints.
 */
export function readSshPublicKey(input: string): SshKeyInfo {
  const line = input.trim();
  if (PRIVATE_KEY.test(line)) {
    throw new CredentialError("sshPublicKey", msg("batch.credentials.sshPrivate"));
  }
  const m = SSH_LINE.exec(line);
  if (!m) throw new CredentialError("sshPublicKey", msg("batch.credentials.sshFormat"));
  const [, type, base64] = m;
  const blob = Buffer.from(base64!, "base64");
  const next = reader(blob);
  if (next().toString("latin1") !== type) throw new CredentialError("sshPublicKey", msg("batch.credentials.sshTypeMismatch"));
  let bits: number;
  if (type === "ssh-ed25519") {
    if (next().length !== 32) throw new CredentialError("sshPublicKey", msg("batch.credentials.ed25519Invalid"));
    bits = 256;
  } else if (type === "ssh-rsa") {
    next(); // public exponent
    const modulus = next();
    const firstNonZero = modulus.findIndex((b) => b !== 0);
    bits = firstNonZero < 0 ? 0 : (modulus.length - firstNonZero) * 8 - Math.clz32(modulus[firstNonZero]!) + 24;
    if (bits < 2048) throw new CredentialError("sshPublicKey", msg("batch.credentials.rsaTooShort", { bits }));
  } else {
    next(); // curve name
    next(); // point
    bits = ECDSA_BITS[type!]!;
  }
  const fingerprint = `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
  return { type: type!, bits, fingerprint, normalized: `${type} ${base64}` };
}

/**
 * A new ed25519 pair in OpenSSH format. ssh2 writes a public key whose first byte is 0 without that
 * byte (about 1 pair in 256), which OpenSSH rejects: such a pair is drawn again, readSshPublicKey judging.
 */
export function generateSshKeyPair(comment: string): { pair: { private: string; public: string }; publicKey: SshKeyInfo } {
  for (let attempt = 0; attempt < 20; attempt++) {
    const pair = ssh2.utils.generateKeyPairSync("ed25519", { comment });
    try {
      return { pair, publicKey: readSshPublicKey(pair.public) };
    } catch {
      // a truncated key: draw another
    }
  }
  throw new Error("génération de clé SSH impossible");
}
