import { execFileSync } from "node:child_process";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { checkSigner, openPkcs12, readCertificate, signFi, SigningError } from "./sign-fs";
import { exportPkcs12, makeSigner, opensslVerifiesPem, type TestSigner } from "./testing-signatures";
import { verifyFs } from "./verify-signature";

// The signing island's module (lib/batch/sign-fs.ts), run in Node with its Web Crypto as the browser
// runs it: the PKCS#12 files come from the real `openssl pkcs12 -export`, and the real
// `openssl cms -verify -binary -inform PEM -content FI` says whether each FS it makes is sound.

const PASSWORD = "Mot de passe très secret 2026";
let channel: TestSigner;
let other: TestSigner;
let expired: TestSigner;
let ec: TestSigner;
const fi1 = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?>\r\n<FLA>partie 1 — données</FLA>\r\n');
const fi2 = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?>\n<FLA>partie 2</FLA>\n');

const problemOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return null;
  } catch (e) {
    // The messages are catalogue references: read in French here (Dutch in the test below).
    return e instanceof SigningError
      ? { problem: e.problem, message: localize("fr", e.message), nl: localize("nl", e.message) }
      : { problem: "THROWN", message: String(e) };
  }
};

beforeAll(() => {
  channel = makeSigner({ subject: "/C=BE/O=CPAS de Test/CN=Canal batch", serial: "4243" });
  other = makeSigner({ subject: "/C=BE/O=Autre/CN=Autre signataire" });
  expired = makeSigner({ subject: "/C=BE/O=CPAS de Test/CN=Ancien certificat", expired: true });
  const ecDir = makeSigner();
  const ecKey = path.join(ecDir.dir, "ec.pem");
  execFileSync("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", ecKey]);
  ec = makeSigner({ subject: "/C=BE/CN=Signataire EC", key: ecKey });
}, 60_000); // RSA keys by openssl: seconds on a loaded machine
afterAll(() => [channel, other, expired, ec].forEach((s) => s.dispose()));

describe("FS made by the signing island (PKI.js + Web Crypto)", () => {
  it("makes from an openssl PKCS#12 file an FS that openssl verifies over the exact FI bytes, and that the server's check accepts", async () => {
    const signer = await openPkcs12(exportPkcs12(channel, PASSWORD), PASSWORD);
    expect(signer.subject).toBe("C=BE, O=CPAS de Test, CN=Canal batch");
    checkSigner(signer, { registered: readCertificate(channel.certificateDer) });
    const fs1 = await signFi(fi1, signer);
    const fs2 = await signFi(fi2, signer);
    const lines = new TextDecoder().decode(fs1).split("\r\n");
    expect(lines.slice(0, -1).every((l) => l.length === 76)).toBe(true);
    expect(lines.at(-1)!.length).toBeLessThanOrEqual(76);
    expect(new TextDecoder().decode(fs1)).not.toContain("-----BEGIN");

    expect(opensslVerifiesPem(fi1, fs1, channel)).toBe(true);
    expect(opensslVerifiesPem(fi2, fs2, channel)).toBe(true);
    expect(opensslVerifiesPem(fi1, fs1, channel, { caFile: channel.cert })).toBe(true); // the chain given: the self-signed certificate as anchor
    expect(opensslVerifiesPem(fi2, fs1, channel)).toBe(false); // detached over fi1 only
    expect(opensslVerifiesPem(fi1, fs1, other, { caFile: other.cert })).toBe(false);

    expect(await verifyFs({ fi: fi1, fs: fs1, channelCertificateDer: channel.certificateDer })).toBeNull();
    expect(await verifyFs({ fi: fi2, fs: fs1, channelCertificateDer: channel.certificateDer })).toMatchObject({ acrf: 125 });
    expect(await verifyFs({ fi: fi1, fs: fs1, channelCertificateDer: other.certificateDer })).toMatchObject({ acrf: 153 });
  });

  it("signs with an ECDSA P-256 key as well", async () => {
    const fs = await signFi(fi1, await openPkcs12(exportPkcs12(ec, PASSWORD), PASSWORD));
    expect(opensslVerifiesPem(fi1, fs, ec)).toBe(true);
    expect(await verifyFs({ fi: fi1, fs, channelCertificateDer: ec.certificateDer })).toBeNull();
  });

  it("refuses a wrong password, a file without private key, an old RC2/3DES export and a file that is no PKCS#12, in French", async () => {
    expect(await problemOf(openPkcs12(exportPkcs12(channel, PASSWORD), "mauvais"))).toEqual({
      problem: "PASSWORD",
      message: "Mot de passe du fichier PKCS#12 incorrect.",
      nl: "Onjuist wachtwoord van het PKCS#12-bestand.",
    });
    expect(await problemOf(openPkcs12(exportPkcs12(channel, PASSWORD, { nokeys: true }), PASSWORD))).toMatchObject({
      problem: "NO_KEY",
      message: expect.stringContaining("ne contient pas de clé privée") as string,
    });
    expect(await problemOf(openPkcs12(exportPkcs12(channel, PASSWORD, { legacy: true }), PASSWORD))).toMatchObject({
      problem: "UNSUPPORTED",
      message: expect.stringContaining("réexportez-le avec AES") as string,
    });
    expect(await problemOf(openPkcs12(channel.certificateDer, PASSWORD))).toMatchObject({ problem: "FORMAT" });
    expect(await problemOf(openPkcs12(new TextEncoder().encode("pas un fichier"), PASSWORD))).toMatchObject({
      problem: "FORMAT",
      message: "Ce fichier n'est pas un fichier PKCS#12 (.p12 ou .pfx) lisible.",
    });
  });

  it("refuses, before signing, an expired certificate and a certificate that is not the channel's", async () => {
    // `openssl ca` with a policy that keeps only the CN (testing-signatures.ts): the subject is CN= alone.
    const old = await openPkcs12(exportPkcs12(expired, PASSWORD), PASSWORD);
    expect(await problemOf(Promise.resolve().then(() => checkSigner(old)))).toEqual({
      problem: "EXPIRED",
      message: "Le certificat « CN=Ancien certificat » a expiré le 01/01/2021 : la sécurité sociale refuserait la signature (ACRF 125).",
      nl: "Het certificaat « CN=Ancien certificat » is vervallen op 01/01/2021: de sociale zekerheid zou de handtekening weigeren (ACRF 125).",
    });
    const stranger = await openPkcs12(exportPkcs12(other, PASSWORD), PASSWORD);
    expect(await problemOf(Promise.resolve().then(() => checkSigner(stranger, { registered: readCertificate(channel.certificateDer) })))).toMatchObject({
      problem: "OTHER_CERTIFICATE",
      message: expect.stringContaining("n'est pas celui enregistré sur ce canal dans Chaman (« C=BE, O=CPAS de Test, CN=Canal batch »)") as string,
    });
    // Without a registered certificate to compare, the island lets it through; the server refuses it (ACRF 153).
    const fs = await signFi(fi1, stranger);
    expect(await verifyFs({ fi: fi1, fs, channelCertificateDer: channel.certificateDer })).toMatchObject({ acrf: 153 });
  });
});
