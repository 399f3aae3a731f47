import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { makeSigner, opensslVerifies, signFs, type TestSigner } from "./testing-signatures";
import { checkReturnSignature, verifyFs } from "./verify-signature";

// Every FS below is made by the real `openssl cms -sign`; `openssl cms -verify` says which ones are
// sound signatures at all, and the portal must additionally hold each one to the channel's
// certificate (same public key, valid today), SHA-256 and the exact FI bytes.

let channel: TestSigner;
let other: TestSigner;
const fi = new TextEncoder().encode('<?xml version="1.0"?>\n<FLA>partie 1</FLA>\n');
const otherFi = new TextEncoder().encode('<?xml version="1.0"?>\n<FLA>partie 2</FLA>\n');
/** The refusal with its reason read in French (the reasons are catalogue references), or null. */
const check = async (fs: Uint8Array, o: { fiBytes?: Uint8Array; cert?: Uint8Array } = {}) => {
  const refusal = await verifyFs({ fi: o.fiBytes ?? fi, fs, channelCertificateDer: o.cert ?? channel.certificateDer });
  return refusal && { ...refusal, reason: localize("fr", refusal.reason) };
};

beforeAll(() => {
  channel = makeSigner({ subject: "/C=BE/O=CPAS de Test/CN=Canal batch", serial: "4242" });
  other = makeSigner({ subject: "/C=BE/O=Autre/CN=Autre signataire" });
}, 60_000); // RSA keys by openssl: seconds on a loaded machine
afterAll(() => {
  channel.dispose();
  other.dispose();
});

describe("FS check before deposit (openssl-made signatures)", () => {
  it("accepts a detached SHA-256 signature of the FI by the channel's certificate, in 76-character CRLF lines, on one line or LF lines", async () => {
    const fs = signFs(fi, channel);
    expect(opensslVerifies(fi, fs, channel)).toBe(true);
    expect(new TextDecoder().decode(fs).split("\r\n")[0]).toHaveLength(76);
    expect(await check(fs)).toBeNull();
    const text = new TextDecoder().decode(fs);
    expect(await check(new TextEncoder().encode(text.replaceAll("\r\n", "")))).toBeNull();
    expect(await check(new TextEncoder().encode(`${text.replaceAll("\r\n", "\n")}\n`))).toBeNull();
  });

  it("refuses the FS of another FI (ACRF 125), as openssl does", async () => {
    const fs = signFs(otherFi, channel);
    expect(opensslVerifies(fi, fs, channel)).toBe(false);
    expect(await check(fs)).toEqual({ acrf: 125, reason: expect.stringContaining("signature d'un autre fichier") as string });
  });

  it("refuses an FS that openssl finds sound but that another key signed (ACRF 153)", async () => {
    const fs = signFs(fi, other);
    expect(opensslVerifies(fi, fs, other)).toBe(true);
    expect(await check(fs)).toEqual({ acrf: 153, reason: expect.stringContaining("autre certificat que celui du canal") as string });
  });

  it("refuses a certificate posing as the channel's (same name and serial number) without its key (ACRF 153)", async () => {
    const impostor = makeSigner({ subject: "/C=BE/O=CPAS de Test/CN=Canal batch", serial: "4242" });
    try {
      const fs = signFs(fi, impostor);
      expect(opensslVerifies(fi, fs, impostor)).toBe(true);
      expect((await check(fs))?.acrf).toBe(153);
    } finally {
      impostor.dispose();
    }
  });

  it("refuses when the certificate has expired (valid in 2020 only), though openssl -noverify accepts the signature", async () => {
    const expired = makeSigner({ subject: "/C=BE/O=CPAS/CN=Expire", expired: true });
    try {
      const fs = signFs(fi, expired);
      expect(opensslVerifies(fi, fs, expired)).toBe(true);
      expect(await check(fs, { cert: expired.certificateDer })).toEqual({ acrf: 125, reason: expect.stringContaining("a expiré le 01/01/2021") as string });
    } finally {
      expired.dispose();
    }
  });

  it("refuses SHA-1, an attached signature, PEM header lines, binary DER and garbage (ACRF 125)", async () => {
    const sha1 = signFs(fi, channel, { md: "sha1" });
    expect(opensslVerifies(fi, sha1, channel)).toBe(true);
    expect(await check(sha1)).toEqual({ acrf: 125, reason: expect.stringContaining("SHA-256") as string });
    expect((await check(signFs(fi, channel, { nodetach: true })))?.reason).toContain("signature détachée");
    const pem = `-----BEGIN CMS-----\n${new TextDecoder().decode(signFs(fi, channel))}\n-----END CMS-----\n`;
    expect((await check(new TextEncoder().encode(pem)))?.reason).toContain("en-tête PEM");
    const der = Buffer.from(new TextDecoder().decode(signFs(fi, channel)).replace(/\s/g, ""), "base64");
    expect((await check(new Uint8Array(der)))?.reason).toContain("Base64");
    expect((await check(new TextEncoder().encode("c2lnbmF0dXJl")))?.reason).toContain("CMS/PKCS#7 lisible");
    expect((await check(new TextEncoder().encode("pas du base64 !")))?.acrf).toBe(125);
  });

  it("checks a return file's FS with the certificate it carries: sound, of other bytes, absent or unreadable", async () => {
    const smals = makeSigner({ subject: "/C=BE/O=Smals/CN=Canal batch securite sociale" });
    try {
      const fo = new TextEncoder().encode("<ACRF><Form/></ACRF>");
      // No CA configured here (anchors: null): the chain is tested in return-chain.test.ts.
      const sound = await checkReturnSignature({ fo, fs: signFs(fo, smals), anchors: null });
      expect(sound.status).toBe("VALID");
      expect(localize("fr", sound.note)).toContain("certificat « C=BE, O=Smals, CN=Canal batch securite sociale »");
      expect(await checkReturnSignature({ fo, fs: signFs(otherFi, smals), anchors: null })).toMatchObject({ status: "INVALID" });
      expect(await checkReturnSignature({ fo, fs: null, anchors: null })).toMatchObject({ status: "UNCHECKED" });
      expect(await checkReturnSignature({ fo, fs: new TextEncoder().encode("c2lnbmF0dXJl"), anchors: null })).toMatchObject({ status: "INVALID" });
    } finally {
      smals.dispose();
    }
  });

  it("gives its refusal reasons in Dutch to a Dutch reader (hand-written from the French and docs/glossary.md)", async () => {
    const reasonNl = async (fs: Uint8Array, cert?: Uint8Array) =>
      localize("nl", (await verifyFs({ fi, fs, channelCertificateDer: cert ?? channel.certificateDer }))?.reason ?? "");
    expect(await reasonNl(signFs(otherFi, channel))).toBe(
      "Het FS-bestand is de handtekening van een ander bestand: de SHA-256-hash komt niet overeen met dit FI-bestand.",
    );
    expect(await reasonNl(signFs(fi, other))).toBe(
      "Het FS-bestand werd ondertekend met een ander certificaat dan dat van het kanaal (andere publieke sleutel dan die geregistreerd in Kanaalbeheer (Chaman)).",
    );
    expect(await reasonNl(signFs(fi, channel, { md: "sha1" }))).toBe(
      "Het FS-bestand is niet ondertekend met SHA-256 (SHA-1 en de andere hashfuncties worden geweigerd).",
    );
    const expired = makeSigner({ subject: "/C=BE/O=CPAS/CN=Expire", expired: true });
    try {
      expect(await reasonNl(signFs(fi, expired), expired.certificateDer)).toBe(
        "Het certificaat van het kanaal is vervallen op 01/01/2021: vernieuw het en registreer het nieuwe in Kanaalbeheer (Chaman).",
      );
    } finally {
      expired.dispose();
    }
  });
});
