import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CredentialError, generateSshKeyPair, readCertificate, readSshPublicKey } from "./credentials";

// Keys and certificates are made by the real ssh-keygen and openssl, and the fingerprints compared
// with what those tools print.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "canal-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let made = 0;
function sshKey(type: "ed25519" | "rsa" | "ecdsa", bits?: number) {
  const file = path.join(dir, `id_${type}_${bits ?? 0}_${made++}`);
  execFileSync("ssh-keygen", ["-q", "-t", type, ...(bits ? ["-b", String(bits)] : []), "-N", "", "-C", "canal@cpas", "-f", file]);
  const fingerprint = execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", `${file}.pub`], { encoding: "utf8" }).split(" ")[1];
  return { publicLine: readFileSync(`${file}.pub`, "utf8"), privateText: readFileSync(file, "utf8"), fingerprint };
}

function certificate(days: number, format: "PEM" | "DER") {
  const key = path.join(dir, `cert-${days}-${made}.key`);
  const pem = path.join(dir, `cert-${days}-${made++}.pem`);
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", pem, "-days", String(days), "-subj", "/C=BE/O=CPAS de Test/CN=Canal batch"],
    {
      stdio: "ignore",
    },
  );
  const fingerprint = execFileSync("openssl", ["x509", "-in", pem, "-noout", "-fingerprint", "-sha256"], { encoding: "utf8" }).trim().split("=")[1];
  const bytes = format === "PEM" ? readFileSync(pem) : execFileSync("openssl", ["x509", "-in", pem, "-outform", "DER"]);
  return { bytes: new Uint8Array(bytes), fingerprint, key: readFileSync(key) };
}

describe("SSH public keys", () => {
  it("reads ed25519, ECDSA and RSA keys with the fingerprint ssh-keygen prints", () => {
    for (const [type, bits] of [
      ["ed25519", undefined],
      ["ecdsa", 256],
      ["rsa", 3072],
    ] as const) {
      const k = sshKey(type, bits);
      const info = readSshPublicKey(k.publicLine);
      expect(info.fingerprint, type).toBe(k.fingerprint);
      expect(info.normalized).not.toContain("canal@cpas");
    }
    expect(readSshPublicKey(sshKey("rsa", 3072).publicLine).bits).toBe(3072);
  });

  it("refuses a private key, a short RSA key, a mismatched type and garbage, in French", () => {
    const k = sshKey("ed25519");
    expect(() => readSshPublicKey(k.privateText)).toThrow(/clé SSH privée/);
    expect(() => readSshPublicKey(sshKey("rsa", 1024).publicLine)).toThrow(/2048 bits au moins/);
    expect(() => readSshPublicKey(k.publicLine.replace("ssh-ed25519", "ssh-rsa"))).toThrow(/incohérente/);
    expect(() => readSshPublicKey("bonjour")).toThrow(CredentialError);
    expect(() => readSshPublicKey("ssh-ed25519 AAAA")).toThrow(/tronquée/);
  });
});

describe("certificates", () => {
  it("reads a .cer in DER or PEM with the fingerprint openssl prints", () => {
    for (const format of ["DER", "PEM"] as const) {
      const c = certificate(365, format);
      const info = readCertificate(c.bytes);
      expect(info.fingerprint256).toBe(c.fingerprint);
      expect(info.subject).toContain("CN=Canal batch");
      expect(info.validTo.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it("refuses an expired certificate, a private key and a file that is not a certificate", () => {
    const c = certificate(1, "DER");
    expect(() => readCertificate(c.bytes, new Date(Date.now() + 3 * 86_400_000))).toThrow(/a expiré/);
    expect(() => readCertificate(new Uint8Array(c.key))).toThrow(/clé privée/);
    expect(() => readCertificate(new TextEncoder().encode("pas un certificat"))).toThrow(/pas un certificat X\.509/);
  });
});

describe("the portal's own SSH keys", () => {
  it("are always whole ed25519 keys that ssh-keygen reads, even when the library truncates one", () => {
    // ssh2 drops a leading zero byte about once in 256 pairs: 600 pairs meet it twice on average.
    const keys = Array.from({ length: 600 }, () => generateSshKeyPair("portail-cpas"));
    expect(new Set(keys.map((k) => k.publicKey.fingerprint)).size).toBe(600);
    for (const k of keys) expect(k.publicKey.bits).toBe(256);
    const file = path.join(dir, "portail.pub");
    writeFileSync(file, keys[0]!.pair.public);
    expect(execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", file], { encoding: "utf8" }).split(" ")[1]).toBe(keys[0]!.publicKey.fingerprint);
  });
});
