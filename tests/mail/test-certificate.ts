import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type TestCertificate = { dir: string; key: string; cert: string; caFile: string };

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made with openssl, for the loopback SMTP
 * server's STARTTLS. In `dir` when given (kept for the next run), else in a new temporary folder.
 */
export function makeTestCertificate(dir?: string): TestCertificate {
  const folder = dir ?? mkdtempSync(path.join(tmpdir(), "cpas-smtp-"));
  const key = path.join(folder, "key.pem");
  const cert = path.join(folder, "cert.pem");
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(folder, { recursive: true });
    // prettier-ignore
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "30",
      "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"], { stdio: "ignore" });
  }
  return { dir: folder, key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8"), caFile: cert };
}
