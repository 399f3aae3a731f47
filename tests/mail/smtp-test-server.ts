import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

import { makeTestCertificate, type TestCertificate } from "./test-certificate";

export { makeTestCertificate };

// A real SMTP server on loopback for the integration and end-to-end tests (issue 12): it speaks
// SMTP with STARTTLS (a certificate made with openssl for this run) and keeps every message it
// accepted, raw and parsed. `maildir` also writes each one to a folder, for a test running in
// another process (Playwright's web server and its tests). Nothing here is a mock of nodemailer.

export type ReceivedMail = { envelopeTo: string[]; raw: string; parsed: ParsedMail };

export type TestSmtpServer = {
  port: number;
  /** PEM of the self-signed certificate, to trust it (SMTP_TLS_CA_FILE). */
  caFile: string;
  received: ReceivedMail[];
  /** Answer 451 (temporary) or 550 (permanent) to recipients matching it. */
  refuse: { temporary?: RegExp; permanent?: RegExp };
  stop(): Promise<void>;
};

export async function startTestSmtpServer(
  o: { port?: number; starttls?: boolean; maildir?: string; certificate?: TestCertificate } = {},
): Promise<TestSmtpServer> {
  const certificate = o.certificate ?? makeTestCertificate();
  const received: ReceivedMail[] = [];
  const refuse: TestSmtpServer["refuse"] = {};
  if (o.maildir) mkdirSync(o.maildir, { recursive: true });
  const server = new SMTPServer({
    secure: false,
    key: certificate.key,
    cert: certificate.cert,
    disabledCommands: o.starttls === false ? ["STARTTLS", "AUTH"] : ["AUTH"],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.permanent?.test(address.address)) return callback(Object.assign(new Error("Adresse inconnue"), { responseCode: 550 }));
      if (refuse.temporary?.test(address.address)) return callback(Object.assign(new Error("Réessayez plus tard"), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((parsed) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
            if (o.maildir) writeFileSync(path.join(o.maildir, `${Date.now()}-${received.length}.eml`), raw);
            callback(null, `Message accepté n°${received.length}`);
          })
          .catch((e: Error) => callback(e));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    caFile: certificate.caFile,
    received,
    refuse,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The messages a maildir holds, oldest first (for tests running beside the server's process). */
export async function readMaildir(dir: string): Promise<ReceivedMail[]> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".eml"));
  } catch {
    return [];
  }
  files.sort((a, b) => Number(a.split("-")[0]) - Number(b.split("-")[0]) || a.localeCompare(b));
  return Promise.all(
    files.map(async (f) => {
      const raw = readFileSync(path.join(dir, f), "utf8");
      const parsed = await simpleParser(raw);
      const to = parsed.to ? (Array.isArray(parsed.to) ? parsed.to : [parsed.to]).flatMap((a) => a.value.map((v) => v.address ?? "")) : [];
      return { envelopeTo: to, raw, parsed };
    }),
  );
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Waits until `pick` finds something in what `read` returns. */
export async function waitForMail<T>(
  read: () => Promise<ReceivedMail[]> | ReceivedMail[],
  pick: (m: ReceivedMail[]) => T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = pick(await read());
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`Aucun courriel attendu reçu en ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
