import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

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

/** The refusal's text in a language (CredentialError messages are catalogue references), or "" when nothing was refused. */
function refusal(read: () => unknown, locale: "fr" | "nl"): string {
  try {
    read();
    return "";
  } catch (e) {
    if (!(e instanceof CredentialError)) throw e;
    return localize(locale, e.message);
  }
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
  }, 60_000); // two RSA 3072 keys by ssh-keygen: seconds on a loaded machine

  it("refuses a private key, a short RSA key, a mismatched type and garbage, in French and in Dutch", () => {
    const k = sshKey("ed25519");
    expect(refusal(() => readSshPublicKey(k.privateText), "fr")).toMatch(/clé SSH privée/);
    expect(refusal(() => readSshPublicKey(k.privateText), "nl")).toBe(
      "U hebt een private SSH-sleutel geplakt: deel die nooit. Plak de publieke sleutel (.pub-bestand).",
    );
    expect(refusal(() => readSshPublicKey(sshKey("rsa", 1024).publicLine), "fr")).toBe("Clé RSA de 1024 bits : 2048 bits au moins sont exigés.");
    expect(refusal(() => readSshPublicKey(sshKey("rsa", 1024).publicLine), "nl")).toBe("RSA-sleutel van 1024 bits: minstens 2048 bits vereist.");
    expect(refusal(() => readSshPublicKey(k.publicLine.replace("ssh-ed25519", "ssh-rsa")), "fr")).toMatch(/incohérente/);
    expect(() => readSshPublicKey("bonjour")).toThrow(CredentialError);
    expect(refusal(() => readSshPublicKey("ssh-ed25519 AAAA"), "fr")).toMatch(/tronquée/);
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
    expect(refusal(() => readCertificate(c.bytes, new Date(Date.now() + 3 * 86_400_000)), "fr")).toMatch(/^Ce certificat a expiré le \d\d\/\d\d\/\d{4}\.$/);
    expect(refusal(() => readCertificate(c.bytes, new Date(Date.now() + 3 * 86_400_000)), "nl")).toMatch(
      /^Dit certificaat is vervallen op \d\d\/\d\d\/\d{4}\.$/,
    );
    expect(refusal(() => readCertificate(new Uint8Array(c.key)), "fr")).toMatch(/clé privée/);
    expect(refusal(() => readCertificate(new TextEncoder().encode("pas un certificat")), "fr")).toMatch(/pas un certificat X\.509/);
    expect(refusal(() => readCertificate(new TextEncoder().encode("pas un certificat")), "nl")).toBe(
      "Dit bestand is geen leesbaar X.509-certificaat (.cer in DER- of PEM-formaat).",
    );
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
