import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Tests only: a certificate and an SSH key pair made by the real openssl and ssh-keygen.

export function makeChannelCredentials(o: { days?: number } = {}): { certificateDer: Uint8Array; sshPublicKey: string; sshFingerprint: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "canal-batch-"));
  try {
    const key = path.join(dir, "cert.key");
    const pem = path.join(dir, "cert.pem");
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", pem, "-days", String(o.days ?? 365), "-subj", "/C=BE/O=CPAS/CN=Canal batch"],
      { stdio: "ignore" },
    );
    const certificateDer = new Uint8Array(execFileSync("openssl", ["x509", "-in", pem, "-outform", "DER"]));
    const ssh = path.join(dir, "id_ed25519");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "logiciel@cpas", "-f", ssh]);
    const sshFingerprint = execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", `${ssh}.pub`], { encoding: "utf8" }).split(" ")[1]!;
    return { certificateDer, sshPublicKey: readFileSync(`${ssh}.pub`, "utf8"), sshFingerprint };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
