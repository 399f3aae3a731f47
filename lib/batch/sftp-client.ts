import "server-only";

import ssh2, { type SFTPWrapper } from "ssh2";

import { msg } from "@/lib/i18n/message-ref";

// The portal as the centre's SFTP client on the batch channel (seed 004, section 4.1): key
// authentication with the channel's technical user name, the server's host key pinned by its
// SHA-256 fingerprint (a server that shows another key is never sent anything, nor asked
// anything), files written in the order given (FI and FS first, the empty GO last: it starts the
// processing), acknowledgements listed and read back from OUT or OUTTEST.

export type SftpTarget = { host: string; port: number; hostKeySha256: string; username: string; privateKey: string };
export type SftpFile = { path: string; bytes: Uint8Array };

export class SftpError extends Error {
  constructor(
    readonly reason: "HOST_KEY" | "AUTH" | "UNREACHABLE" | "WRITE" | "READ",
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES = {
  HOST_KEY: msg("batch.sftp.HOST_KEY"),
  AUTH: msg("batch.sftp.AUTH"),
  UNREACHABLE: msg("batch.sftp.UNREACHABLE"),
  WRITE: msg("batch.sftp.WRITE"),
  READ: msg("batch.sftp.READ"),
  TOO_LARGE: msg("batch.sftp.TOO_LARGE"),
} as const;

const fingerprintOf = (hashedHex: string) => `SHA256:${Buffer.from(hashedHex, "hex").toString("base64").replace(/=+$/, "")}`;

function writeFile(sftp: SFTPWrapper, file: SftpFile): Promise<void> {
  return new Promise((resolve, reject) => {
    sftp.writeFile(file.path, Buffer.from(file.bytes), (error) => (error ? reject(new SftpError("WRITE", MESSAGES.WRITE)) : resolve()));
  });
}

/** One connection and SFTP session with the host key checked; `work` runs on it, then it closes. */
function withSftp<T>(target: SftpTarget, work: (sftp: SFTPWrapper) => Promise<T>, o: { timeoutMs?: number } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    let hostKeyRefused = false;
    let settled = false;
    const finish = (outcome: { error: unknown } | { value: T }) => {
      if (settled) return;
      settled = true;
      client.end();
      if ("error" in outcome) reject(outcome.error instanceof SftpError ? outcome.error : classify(outcome.error, hostKeyRefused));
      else resolve(outcome.value);
    };
    client
      .on("ready", () => {
        client.sftp((error, sftp) => {
          if (error) return finish({ error: new SftpError("WRITE", MESSAGES.WRITE) });
          work(sftp).then(
            (value) => finish({ value }),
            (e: unknown) => finish({ error: e }),
          );
        });
      })
      .on("error", (error) => finish({ error }))
      .connect({
        host: target.host,
        port: target.port,
        username: target.username,
        privateKey: target.privateKey,
        readyTimeout: o.timeoutMs ?? 15_000,
        hostHash: "sha256",
        hostVerifier: (hashed: string) => {
          const isExpected = fingerprintOf(hashed) === target.hostKeySha256;
          hostKeyRefused = !isExpected;
          return isExpected;
        },
      });
  });
}

/** Writes the files in order on one connection; resolves once every file is written and the connection closed. */
export function uploadInOrder(target: SftpTarget, files: SftpFile[]): Promise<void> {
  return withSftp(target, (sftp) => files.reduce<Promise<void>>((previous, file) => previous.then(() => writeFile(sftp, file)), Promise.resolve()));
}

export type RemoteFile = { name: string; size: number; modifiedAt: Date };

/** The plain files of a directory (the acknowledgements in OUT or OUTTEST). */
export function listFiles(target: SftpTarget, directory: string): Promise<RemoteFile[]> {
  return withSftp(
    target,
    (sftp) =>
      new Promise((resolve, reject) => {
        sftp.readdir(directory, (error, entries) => {
          if (error) return reject(new SftpError("READ", MESSAGES.READ));
          resolve(entries.filter((e) => e.attrs.isFile()).map((e) => ({ name: e.filename, size: e.attrs.size, modifiedAt: new Date(e.attrs.mtime * 1000) })));
        });
      }),
  );
}

/** One file's bytes, refused when larger than `maxBytes` (checked before reading). */
export function readFile(target: SftpTarget, filePath: string, maxBytes: number): Promise<Uint8Array> {
  return withSftp(
    target,
    (sftp) =>
      new Promise((resolve, reject) => {
        sftp.stat(filePath, (statError, stats) => {
          if (statError || !stats.isFile()) return reject(new SftpError("READ", MESSAGES.READ));
          if (stats.size > maxBytes) return reject(new SftpError("READ", MESSAGES.TOO_LARGE));
          sftp.readFile(filePath, (error, data) => (error ? reject(new SftpError("READ", MESSAGES.READ)) : resolve(new Uint8Array(data))));
        });
      }),
  );
}

function classify(error: unknown, hostKeyRefused: boolean): SftpError {
  if (hostKeyRefused) return new SftpError("HOST_KEY", MESSAGES.HOST_KEY);
  const level = (error as { level?: string }).level;
  if (level === "client-authentication") return new SftpError("AUTH", MESSAGES.AUTH);
  return new SftpError("UNREACHABLE", MESSAGES.UNREACHABLE);
}
