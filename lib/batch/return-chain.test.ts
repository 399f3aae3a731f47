import { execFileSync } from "node:child_process";
import path from "node:path";
import { writeFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { makeChain, signFs, type TestSigner } from "./testing-signatures";
import { checkReturnSignature, readTrustAnchors } from "./verify-signature";

// The chain of a return file's signing certificate (issue 14): built with PKI.js's
// CertificateChainValidationEngine from the signer, through the intermediate CA the FS carries, to
// one of the accepted CAs (BATCH_TRUST_ANCHORS_FILE). Every certificate is made by the real
// `openssl` command, and `openssl verify` says beforehand which chains are sound: the portal must
// agree with it. Expected notes are written by hand, in French and in Dutch.

type Chain = ReturnType<typeof makeChain>;
let smals: Chain;
let stranger: Chain;
let leaf: TestSigner;
let expiredLeaf: TestSigner;
let strangerLeaf: TestSigner;
const fo = new TextEncoder().encode('<?xml version="1.0"?><ACRF><Form><ReceptionResult><ResultCode>1</ResultCode></ReceptionResult></Form></ACRF>');

/** What `openssl verify` says of a leaf, with the root as the only trusted CA and the intermediate as untrusted help. */
function opensslAccepts(chain: Chain, cert: string, intermediate = chain.intermediate): boolean {
  try {
    execFileSync("openssl", ["verify", "-CAfile", chain.root, "-untrusted", intermediate, cert], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

beforeAll(() => {
  smals = makeChain({ name: "Smals Test" });
  stranger = makeChain({ name: "Autre AC" });
  leaf = smals.leaf({ subject: "/C=BE/O=Smals Test/CN=Transfert batch" });
  expiredLeaf = smals.leaf({ subject: "/C=BE/O=Smals Test/CN=Ancien transfert", expired: true });
  strangerLeaf = stranger.leaf({ subject: "/C=BE/O=Smals Test/CN=Transfert batch" });
}, 60_000);
afterAll(() => {
  smals?.dispose();
  stranger?.dispose();
});

const SUBJECT = "C=BE, O=Smals Test, CN=Transfert batch";
const ROOT = "C=BE, O=Smals Test, CN=Smals Test Root CA";

describe("the chain of a return file's signing certificate", () => {
  it("is verified up to the configured CA through the intermediate the FS carries", async () => {
    expect(opensslAccepts(smals, leaf.cert)).toBe(true);
    const result = await checkReturnSignature({ fo, fs: signFs(fo, leaf, { certfile: smals.intermediate }), anchors: readTrustAnchors(smals.bundle) });
    expect(result.status).toBe("VALID");
    expect(localize("fr", result.note)).toBe(`Signature valide (certificat « ${SUBJECT} ») ; chaîne vérifiée jusqu'à « ${ROOT} ».`);
    expect(localize("nl", result.note)).toBe(`Geldige handtekening (certificaat « ${SUBJECT} »); keten gecontroleerd tot « ${ROOT} ».`);
  });

  it("says so when no CA is configured, the signature being sound", async () => {
    const result = await checkReturnSignature({ fo, fs: signFs(fo, leaf, { certfile: smals.intermediate }), anchors: null });
    expect(result.status).toBe("VALID");
    expect(localize("fr", result.note)).toBe(
      `Signature valide (certificat « ${SUBJECT} ») ; chaîne non vérifiée : aucune autorité configurée (BATCH_TRUST_ANCHORS_FILE).`,
    );
    expect(localize("nl", result.note)).toBe(
      `Geldige handtekening (certificaat « ${SUBJECT} »); keten niet gecontroleerd: geen certificeringsautoriteit ingesteld (BATCH_TRUST_ANCHORS_FILE).`,
    );
  });

  it("refuses a leaf of another CA, though its signature is sound and it bears the same name", async () => {
    expect(opensslAccepts(smals, strangerLeaf.cert)).toBe(false);
    const result = await checkReturnSignature({
      fo,
      fs: signFs(fo, strangerLeaf, { certfile: stranger.intermediate }),
      anchors: readTrustAnchors(smals.bundle),
    });
    expect(result.status).toBe("UNTRUSTED");
    expect(localize("fr", result.note)).toBe(
      `Signature intacte (certificat « ${SUBJECT} »), mais chaîne refusée : le certificat n'est pas émis par une autorité acceptée (aucun chemin vers la liste configurée).`,
    );
    expect(localize("nl", result.note)).toBe(
      `Ongeschonden handtekening (certificaat « ${SUBJECT} »), maar keten geweigerd: het certificaat is niet uitgegeven door een aanvaarde certificeringsautoriteit (geen pad naar de ingestelde lijst).`,
    );
    // The same leaf is accepted when its own CA is the one configured.
    const own = await checkReturnSignature({
      fo,
      fs: signFs(fo, strangerLeaf, { certfile: stranger.intermediate }),
      anchors: readTrustAnchors(stranger.bundle),
    });
    expect(own.status).toBe("VALID");
  });

  it("refuses an expired leaf of the right CA (valid in 2020 only)", async () => {
    expect(opensslAccepts(smals, expiredLeaf.cert)).toBe(false);
    const result = await checkReturnSignature({
      fo,
      fs: signFs(fo, expiredLeaf, { certfile: smals.intermediate }),
      anchors: readTrustAnchors(smals.bundle),
    });
    expect(result.status).toBe("UNTRUSTED");
    expect(localize("fr", result.note)).toContain("mais chaîne refusée : un certificat de la chaîne est expiré ou pas encore valide.");
    expect(localize("nl", result.note)).toContain("maar keten geweigerd: een certificaat van de keten is vervallen of nog niet geldig.");
  });

  it("refuses a chain whose intermediate CA the FS does not carry (no path to the root)", async () => {
    const result = await checkReturnSignature({ fo, fs: signFs(fo, leaf), anchors: readTrustAnchors(smals.bundle) });
    expect(result.status).toBe("UNTRUSTED");
    expect(localize("fr", result.note)).toContain("n'est pas émis par une autorité acceptée");
  });

  it("still says INVALID when the signature is of other bytes, whatever the chain", async () => {
    const result = await checkReturnSignature({
      fo: new TextEncoder().encode("<ACRF/>"),
      fs: signFs(fo, leaf, { certfile: smals.intermediate }),
      anchors: readTrustAnchors(smals.bundle),
    });
    expect(result.status).toBe("INVALID");
    expect(localize("nl", result.note)).toBe("De handtekening komt niet overeen met het ontvangen bestand.");
  });

  it("reads a PEM bundle of several CAs, refuses a file without any, and says so when the list is unreadable", async () => {
    const bundle = path.join(smals.dir, "bundle.pem");
    writeFileSync(bundle, `${stranger.bundle}\n${smals.bundle}`);
    expect(readTrustAnchors(`${stranger.bundle}\n${smals.bundle}`)).toHaveLength(2);
    const both = await checkReturnSignature({
      fo,
      fs: signFs(fo, leaf, { certfile: smals.intermediate }),
      anchors: readTrustAnchors(`${stranger.bundle}\n${smals.bundle}`),
    });
    expect(localize("fr", both.note)).toContain(`chaîne vérifiée jusqu'à « ${ROOT} »`);
    expect(() => readTrustAnchors("pas de certificat")).toThrow();
    const unreadable = await checkReturnSignature({ fo, fs: signFs(fo, leaf, { certfile: smals.intermediate }), anchors: "UNREADABLE" });
    expect(unreadable.status).toBe("UNCHECKED");
    expect(localize("fr", unreadable.note)).toBe(
      `Signature valide (certificat « ${SUBJECT} ») ; chaîne non vérifiée : la liste des autorités acceptées (BATCH_TRUST_ANCHORS_FILE) est illisible.`,
    );
  });
});
