import "server-only";

import { Client, type SFTPWrapper } from "ssh2";

// The portal as the centre's SFTP client on the batch channel (seed 004, section 4.1): key
// authentication with the channel's technical user name, the server's host key pinned by its
// SHA-256 fingerprint (a server that shows another key is never sent anything), files written in
// the order given (FI and FS first, the empty GO last: it starts the processing).

export type SftpTarget = { host: string; port: number; hostKeySha256: string; username: string; privateKey: string };
export type SftpFile = { path: string; bytes: Uint8Array };

export class SftpError extends Error {
  constructor(
    readonly reason: "HOST_KEY" | "AUTH" | "UNREACHABLE" | "WRITE",
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES = {
  HOST_KEY: "Le serveur SFTP ne présente pas la clé d'hôte attendue : rien n'a été envoyé. Vérifiez BATCH_SFTP_HOST_KEY avec l'administrateur.",
  AUTH: "Le serveur SFTP a refusé la clé du portail pour cet utilisateur technique : vérifiez que la clé publique du portail est enregistrée dans Chaman.",
  UNREACHABLE: "Le serveur SFTP ne répond pas : réessayez plus tard.",
  WRITE: "Le serveur SFTP a refusé l'écriture d'un fichier : vérifiez les permissions du canal.",
} as const;

const fingerprintOf = (hashedHex: string) => `SHA256:${Buffer.from(hashedHex, "hex").toString("base64").replace(/=+$/, "")}`;

function writeFile(sftp: SFTPWrapper, file: SftpFile): Promise<void> {
  return new Promise((resolve, reject) => {
    sftp.writeFile(file.path, Buffer.from(file.bytes), (error) => (error ? reject(new SftpError("WRITE", MESSAGES.WRITE)) : resolve()));
  });
}

/** Writes the files in order on one connection; resolves once every file is written and the connection closed. */
export function uploadInOrder(target: SftpTarget, files: SftpFile[], o: { timeoutMs?: number } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    let hostKeyRefused = false;
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      client.end();
      if (error) reject(error instanceof SftpError ? error : classify(error, hostKeyRefused));
      else resolve();
    };
    client
      .on("ready", () => {
        client.sftp((error, sftp) => {
          if (error) return finish(new SftpError("WRITE", MESSAGES.WRITE));
          void files
            .reduce<Promise<void>>((previous, file) => previous.then(() => writeFile(sftp, file)), Promise.resolve())
            .then(
              () => finish(),
              (e: unknown) => finish(e),
            );
        });
      })
      .on("error", (error) => finish(error))
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

function classify(error: unknown, hostKeyRefused: boolean): SftpError {
  if (hostKeyRefused) return new SftpError("HOST_KEY", MESSAGES.HOST_KEY);
  const level = (error as { level?: string }).level;
  if (level === "client-authentication") return new SftpError("AUTH", MESSAGES.AUTH);
  return new SftpError("UNREACHABLE", MESSAGES.UNREACHABLE);
}
