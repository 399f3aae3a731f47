import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { createServer, connect } from "node:net";
import path from "node:path";

// A real OpenSSH server (Debian's sshd) on 127.0.0.1 for the batch-channel tests: key
// authentication only, SFTP only, chrooted in a fresh folder holding IN, INTEST, OUT and OUTTEST
// like the social-security server. sshd wants its chroot owned by root and not writable by others
// along the whole path, so the folder lives under /run (not /tmp); the tests run as root in CI.

export type LoopbackSshd = {
  port: number;
  /** SHA256:… of the server's host key, as `ssh-keygen -l -E sha256` prints it. */
  hostKeySha256: string;
  /** The chroot: what the SFTP client sees as "/". */
  root: string;
  /** The user name the server accepts (the only system account there is for sure). */
  username: string;
  authorize(publicKeyLine: string): void;
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`sshd s'est arrêté : ${log()}`);
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (isOpen) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd n'écoute pas sur ${port} : ${log()}`);
}

/**
 * Starts sshd. `port` and `hostKeyFile` let the end-to-end run give the web server (started first)
 * where to connect and which host key to pin (e2e/fixtures/e2e-env.ts); by default a free port and
 * a fresh host key.
 */
export async function startLoopbackSshd(o: { port?: number; hostKeyFile?: string } = {}): Promise<LoopbackSshd> {
  if (process.getuid?.() !== 0) throw new Error("Le serveur SFTP de test (sshd) demande les droits root, comme en CI.");
  mkdirSync("/run/sshd", { recursive: true }); // sshd's privilege-separation folder
  const dir = mkdtempSync("/run/cpas-sftp-");
  chmodSync(dir, 0o755);
  const root = path.join(dir, "root");
  for (const sub of ["IN", "INTEST", "OUT", "OUTTEST"]) mkdirSync(path.join(root, sub), { recursive: true });
  chmodSync(root, 0o755);
  const hostKey = o.hostKeyFile ?? path.join(dir, "host_ed25519");
  if (!o.hostKeyFile) execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", hostKey]);
  const hostKeySha256 = execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", `${hostKey}.pub`], { encoding: "utf8" }).split(" ")[1]!;
  const authorizedKeys = path.join(dir, "authorized_keys");
  writeFileSync(authorizedKeys, "");
  const port = o.port ?? (await freePort());
  const config = path.join(dir, "sshd_config");
  writeFileSync(
    config,
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${hostKey}`,
      `PidFile ${path.join(dir, "sshd.pid")}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      "StrictModes no",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "PubkeyAuthentication yes",
      "UsePAM no",
      "PermitRootLogin prohibit-password",
      "Subsystem sftp internal-sftp",
      "ForceCommand internal-sftp",
      `ChrootDirectory ${root}`,
      "AllowTcpForwarding no",
      "X11Forwarding no",
      "",
    ].join("\n"),
  );
  let log = "";
  const child = spawn("/usr/sbin/sshd", ["-D", "-e", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  await waitForPort(port, child, () => log);
  return {
    port,
    hostKeySha256,
    root,
    username: "root",
    authorize: (line) => writeFileSync(authorizedKeys, `${readFileSync(authorizedKeys, "utf8")}${line.trim()}\n`),
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
