import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Tests only: qualified-certificate stand-ins and FS signatures made by the real `openssl` command,
// so what the portal's check expects comes from openssl, not from the code under test.

export type TestSigner = { dir: string; key: string; cert: string; certificateDer: Uint8Array; dispose(): void };

/** A self-signed RSA certificate and its key; `expired` makes one valid in 2020 only (openssl ca). */
export function makeSigner(o: { subject?: string; expired?: boolean; serial?: string; key?: string } = {}): TestSigner {
  const dir = mkdtempSync(path.join(tmpdir(), "fs-signer-"));
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  const subject = o.subject ?? "/C=BE/O=CPAS/CN=Signataire";
  const newKey = o.key ? ["-key", o.key] : ["-newkey", "rsa:2048", "-nodes", "-keyout", key];
  if (o.expired) {
    writeFileSync(path.join(dir, "index.txt"), "");
    writeFileSync(path.join(dir, "serial"), `${o.serial ?? "01"}\n`);
    writeFileSync(
      path.join(dir, "ca.cnf"),
      `[ca]\ndefault_ca=x\n[x]\ndatabase=${dir}/index.txt\nserial=${dir}/serial\nnew_certs_dir=${dir}\ndefault_md=sha256\npolicy=p\n[p]\ncommonName=supplied\n`,
    );
    execFileSync("openssl", ["req", "-new", ...newKey, "-out", path.join(dir, "req.csr"), "-subj", subject], { stdio: "ignore" });
    execFileSync(
      "openssl",
      [
        "ca",
        "-batch",
        "-config",
        path.join(dir, "ca.cnf"),
        "-selfsign",
        "-keyfile",
        o.key ?? key,
        "-in",
        path.join(dir, "req.csr"),
        "-out",
        cert,
        "-notext",
      ].concat(["-startdate", "20200101000000Z", "-enddate", "20210101000000Z"]),
      { stdio: "ignore" },
    );
  } else {
    const serial = o.serial ? ["-set_serial", o.serial] : [];
    execFileSync("openssl", ["req", "-x509", ...newKey, "-out", cert, "-days", "365", "-subj", subject, ...serial], { stdio: "ignore" });
  }
  const certificateDer = new Uint8Array(execFileSync("openssl", ["x509", "-in", cert, "-outform", "DER"]));
  return { dir, key: o.key ?? key, cert, certificateDer, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * An FS as the directives describe it: `openssl cms -sign -binary` (detached) over the exact FI
 * bytes, DER, then Base64 in 76-character lines separated by CRLF.
 */
export function signFs(fi: Uint8Array, signer: TestSigner, o: { md?: "sha256" | "sha1"; nodetach?: boolean; certfile?: string } = {}): Uint8Array {
  const file = path.join(signer.dir, `fi-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, fi);
  const der = execFileSync("openssl", [
    "cms",
    "-sign",
    "-binary",
    "-md",
    o.md ?? "sha256",
    "-in",
    file,
    "-signer",
    signer.cert,
    "-inkey",
    signer.key,
    "-outform",
    "DER",
    ...(o.nodetach ? ["-nodetach"] : []),
    ...(o.certfile ? ["-certfile", o.certfile] : []),
  ]);
  const base64 = der.toString("base64");
  return new TextEncoder().encode((base64.match(/.{1,76}/g) ?? []).join("\r\n"));
}

/** What `openssl cms -verify` says of an FS (Base64) over an FI: true when openssl accepts it. */
export function opensslVerifies(fi: Uint8Array, fs: Uint8Array, signer: TestSigner): boolean {
  const tag = Math.random().toString(36).slice(2);
  const fiPath = path.join(signer.dir, `v-fi-${tag}`);
  const fsPath = path.join(signer.dir, `v-fs-${tag}`);
  writeFileSync(fiPath, fi);
  writeFileSync(fsPath, Buffer.from(new TextDecoder().decode(fs).replace(/\s/g, ""), "base64"));
  try {
    execFileSync("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", fsPath, "-content", fiPath, "-noverify", "-out", "/dev/null"], {
      stdio: "ignore",
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * A PKCS#12 file as a person would export it: `openssl pkcs12 -export` of the signer's certificate
 * and key (AES-256 and PBKDF2 by default in OpenSSL 3), or without the key (`-nokeys`), or with the
 * old RC2/3DES encryption (`-legacy`).
 */
export function exportPkcs12(signer: TestSigner, password: string, o: { nokeys?: boolean; legacy?: boolean } = {}): Uint8Array {
  const out = path.join(signer.dir, `p12-${Math.random().toString(36).slice(2)}.p12`);
  const passwordFile = `${out}.password`;
  writeFileSync(passwordFile, `${password}\n`);
  execFileSync(
    "openssl",
    [
      "pkcs12",
      "-export",
      "-in",
      signer.cert,
      ...(o.nokeys ? ["-nokeys"] : ["-inkey", signer.key]),
      ...(o.legacy ? ["-legacy"] : []),
      "-out",
      out,
      "-passout",
      `file:${passwordFile}`,
    ],
    { stdio: "ignore" },
  );
  return new Uint8Array(readFileSync(out));
}

/** What `openssl cms -verify -binary -inform PEM -content FI` says of an FS: `-noverify`, or the chain given (`-CAfile`). */
export function opensslVerifiesPem(fi: Uint8Array, fs: Uint8Array, signer: TestSigner, o: { caFile?: string } = {}): boolean {
  const tag = Math.random().toString(36).slice(2);
  const fiPath = path.join(signer.dir, `p-fi-${tag}`);
  const fsPath = path.join(signer.dir, `p-fs-${tag}`);
  writeFileSync(fiPath, fi);
  writeFileSync(fsPath, `-----BEGIN CMS-----\n${new TextDecoder().decode(fs)}\n-----END CMS-----\n`);
  const trust = o.caFile ? ["-CAfile", o.caFile, "-purpose", "any"] : ["-noverify"];
  try {
    execFileSync("openssl", ["cms", "-verify", "-binary", "-inform", "PEM", "-in", fsPath, "-content", fiPath, ...trust, "-out", "/dev/null"], {
      stdio: "ignore",
    });
    return true;
  } catch {
    return false;
  }
}

const CA_EXTENSIONS = "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n";
const LEAF_EXTENSIONS =
  "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n";

/**
 * A certification chain made by the real `openssl` command: a root CA, an intermediate CA it signs,
 * and leaves the intermediate signs (`expired`: valid in 2020 only, through `openssl ca`). Each leaf
 * is a TestSigner; `bundle` holds the root in PEM (what BATCH_TRUST_ANCHORS_FILE would hold).
 */
export function makeChain(o: { name: string }) {
  const dir = mkdtempSync(path.join(tmpdir(), "fs-chain-"));
  const file = (name: string) => path.join(dir, name);
  const run = (args: string[]) => execFileSync("openssl", args, { stdio: "ignore" });
  writeFileSync(file("ca.ext"), CA_EXTENSIONS);
  writeFileSync(file("leaf.ext"), LEAF_EXTENSIONS);
  run(
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", file("root.key"), "-out", file("root.pem"), "-days", "3650"].concat([
      "-subj",
      `/C=BE/O=${o.name}/CN=${o.name} Root CA`,
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
    ]),
  );
  run([
    "req",
    "-new",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    file("int.key"),
    "-out",
    file("int.csr"),
    "-subj",
    `/C=BE/O=${o.name}/CN=${o.name} Intermediate CA`,
  ]);
  run([
    "x509",
    "-req",
    "-in",
    file("int.csr"),
    "-CA",
    file("root.pem"),
    "-CAkey",
    file("root.key"),
    "-set_serial",
    "2",
    "-days",
    "1825",
    "-extfile",
    file("ca.ext"),
    "-out",
    file("int.pem"),
  ]);
  let serial = 10;
  const leaf = (l: { subject: string; expired?: boolean }): TestSigner => {
    const tag = String(serial++);
    const key = file(`leaf-${tag}.key`);
    const cert = file(`leaf-${tag}.pem`);
    run(["req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", file(`leaf-${tag}.csr`), "-subj", l.subject]);
    if (l.expired) {
      writeFileSync(file("index.txt"), "");
      writeFileSync(file("serial"), `${tag}\n`);
      writeFileSync(
        file("ca.cnf"),
        `[ca]\ndefault_ca=x\n[x]\ndatabase=${dir}/index.txt\nserial=${dir}/serial\nnew_certs_dir=${dir}\ndefault_md=sha256\npolicy=p\nunique_subject=no\n[p]\ncommonName=supplied\n`,
      );
      run(
        [
          "ca",
          "-batch",
          "-config",
          file("ca.cnf"),
          "-cert",
          file("int.pem"),
          "-keyfile",
          file("int.key"),
          "-in",
          file(`leaf-${tag}.csr`),
          "-out",
          cert,
          "-notext",
        ].concat(["-extfile", file("leaf.ext"), "-startdate", "20200101000000Z", "-enddate", "20210101000000Z"]),
      );
    } else {
      run([
        "x509",
        "-req",
        "-in",
        file(`leaf-${tag}.csr`),
        "-CA",
        file("int.pem"),
        "-CAkey",
        file("int.key"),
        "-set_serial",
        tag,
        "-days",
        "365",
        "-extfile",
        file("leaf.ext"),
        "-out",
        cert,
      ]);
    }
    const certificateDer = new Uint8Array(execFileSync("openssl", ["x509", "-in", cert, "-outform", "DER"]));
    return { dir, key, cert, certificateDer, dispose: () => undefined };
  };
  return {
    dir,
    root: file("root.pem"),
    intermediate: file("int.pem"),
    bundle: readFileSync(file("root.pem"), "utf8"),
    leaf,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
