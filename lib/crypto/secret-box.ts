import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

// Authenticated encryption for data at rest (TOTP secrets, national numbers): AES-256-GCM,
// stored as "v1.<iv>.<tag>.<ciphertext>" in base64url so a future key version can coexist.

export function sealWithKey(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function openWithKey(sealed: string, key: Buffer): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Format chiffré inconnu");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** Keyed, deterministic index: equal inputs give equal indexes, without revealing the input. */
export function blindIndexWithKey(value: string, key: Buffer): string {
  return createHmac("sha256", key).update(value).digest("base64url");
}
