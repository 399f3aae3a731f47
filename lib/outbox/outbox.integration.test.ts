import { createServer } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { mailSettings } from "@/lib/mail/settings";
import { makeTestCertificate, startTestSmtpServer, waitForMail, type TestSmtpServer } from "@/tests/mail/smtp-test-server";
import { createCentre, createPerson } from "@/tests/fixtures/people";

import { enqueueMail } from "./enqueue-mail";
import { startBackgroundWorker, type BackgroundWorker } from "./worker";

// Issue 12: the outbox against a real PostgreSQL and a real SMTP server on loopback (STARTTLS
// with a certificate made for the run), sent by graphile-worker — no part replaced by a mock.

// Before lib/env.ts reads it (once per file): mail links follow the portal's configured address.
process.env.NEXTAUTH_URL = "https://portail.it.cpas.be";
const certificate = makeTestCertificate();
const settingsFor = (port: number, extra: Record<string, string> = {}) =>
  mailSettings({
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    SMTP_ALLOW_INSECURE: "false",
    SMTP_TLS_CA_FILE: certificate.caFile,
    MAIL_FROM: "Portail CPAS <portail@it.cpas.be>",
    NEXTAUTH_URL: "https://portail.it.cpas.be",
    ...extra,
  });
const connectionString = process.env.DATABASE_URL!;
const workers: BackgroundWorker[] = [];
const start = async (port: number, extra?: Record<string, string>) => {
  const w = await startBackgroundWorker({ connectionString, mail: settingsFor(port, extra), pollInterval: 300, concurrency: 3 });
  workers.push(w);
  return w;
};
const stopWorkers = async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
};

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

let centre: Awaited<ReturnType<typeof createCentre>>;
const mailTo = (to: string, title = "C607-IT-1") =>
  db.$transaction((tx) => enqueueMail(tx, { kind: "c607_answered", to, entityId: centre.entity.id, data: { firstName: "Anne", title, path: "/c607" } }));
const row = (id: string) => db.outboxMail.findUniqueOrThrow({ where: { id } });
const received = (smtp: TestSmtpServer, to: string) => smtp.received.filter((m) => m.envelopeTo.includes(to));

beforeAll(async () => {
  centre = await createCentre();
});
afterAll(stopWorkers);

describe("outbox", () => {
  it("is written with the change that causes it: a rolled-back transaction leaves no mail", async () => {
    const person = await createPerson(centre.entity.id);
    const to = `rollback-${person.id}@it.cpas.be`;
    await expect(
      db.$transaction(async (tx) => {
        await enqueueMail(tx, { kind: "c607_answered", to, entityId: centre.entity.id, data: { firstName: "A", title: "T", path: "/" } });
        throw new Error("annulé");
      }),
    ).rejects.toThrow("annulé");
    expect(await db.outboxMail.count({ where: { toAddress: to } })).toBe(0);
    const { id } = await mailTo(to);
    const stored = await row(id);
    expect(stored).toMatchObject({ status: "PENDING", subject: `Demande C60.7 : réponse de l'ONEM — ${centre.entity.name}` });
    // Sealed at rest: the link and the text are not readable in the table.
    expect(stored.bodySealed).not.toContain("Bonjour");
  });

  it("records a malformed address as failed at once, and never sends it", async () => {
    const { id } = await mailTo("agent@it.cpas.be\r\nBcc: victime@example.com");
    expect(await row(id)).toMatchObject({ status: "FAILED", bodySealed: null });
  });
});

describe("worker (graphile-worker) over real SMTP", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer({ certificate });
    await start(smtp.port);
  });
  afterAll(async () => {
    await stopWorkers();
    await smtp.stop();
  });

  it("sends over STARTTLS, records the SMTP answer and erases the body", async () => {
    const to = `anne-${Date.now()}@it.cpas.be`;
    const { id } = await mailTo(to);
    const mail = await waitForMail(
      () => smtp.received,
      () => received(smtp, to)[0],
    );
    expect(mail.parsed.subject).toBe(`Demande C60.7 : réponse de l'ONEM — ${centre.entity.name}`);
    expect(mail.parsed.text).toContain("https://portail.it.cpas.be/c607");
    expect(mail.parsed.html).toContain("C607-IT-1");
    expect(mail.parsed.messageId).toBe(`<${id}@it.cpas.be>`);
    await expect.poll(async () => (await row(id)).status).toBe("SENT");
    const sent = await row(id);
    expect(sent.smtpResponse).toMatch(/^250 /);
    expect(sent.bodySealed).toBeNull();
  });

  it("records a permanent refusal (550) as failed with the server's answer, without retrying", async () => {
    smtp.refuse.permanent = /^refuse-/;
    const { id } = await mailTo(`refuse-${Date.now()}@it.cpas.be`);
    await expect.poll(async () => (await row(id)).status, { timeout: 10_000 }).toBe("FAILED");
    const failed = await row(id);
    expect(failed.smtpResponse).toMatch(/550/);
    expect(failed.attempts).toBe(1);
  });
});

describe("several instances", () => {
  it("two workers on one database send each of 30 mails exactly once", async () => {
    const smtp = await startTestSmtpServer({ certificate });
    try {
      await start(smtp.port);
      await start(smtp.port);
      const tag = `pair-${Date.now()}`;
      const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => mailTo(`${tag}-${i}@it.cpas.be`).then((r) => r.id)));
      await waitForMail(
        () => smtp.received,
        (all) => (all.filter((m) => m.envelopeTo[0]!.startsWith(tag)).length >= 30 ? true : undefined),
        30_000,
      );
      // Time for a duplicate to arrive, if the queue or the claim let one through.
      await new Promise((r) => setTimeout(r, 1500));
      const got = smtp.received.filter((m) => m.envelopeTo[0]!.startsWith(tag)).map((m) => m.parsed.messageId);
      expect(got).toHaveLength(30);
      expect(new Set(got).size).toBe(30);
      const rows = await db.outboxMail.findMany({ where: { id: { in: ids } } });
      expect(rows.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
    } finally {
      await stopWorkers();
      await smtp.stop();
    }
  });
});

describe("an SMTP outage", () => {
  it("delays the mail, loses nothing: sent once when the server comes back", async () => {
    const port = await freePort();
    await start(port);
    const to = `outage-${Date.now()}@it.cpas.be`;
    const { id } = await mailTo(to);
    await expect.poll(async () => (await row(id)).smtpResponse ?? "", { timeout: 10_000 }).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect((await row(id)).status).toBe("PENDING");
    const smtp = await startTestSmtpServer({ certificate, port });
    try {
      await waitForMail(
        () => smtp.received,
        () => received(smtp, to)[0],
        40_000,
      );
      await expect.poll(async () => (await row(id)).status).toBe("SENT");
      await new Promise((r) => setTimeout(r, 1000));
      expect(received(smtp, to)).toHaveLength(1);
      expect((await row(id)).attempts).toBeGreaterThanOrEqual(2);
    } finally {
      await stopWorkers();
      await smtp.stop();
    }
  }, 60_000);

  it("refuses a server that does not offer STARTTLS: the mail waits instead of going out in clear", async () => {
    const smtp = await startTestSmtpServer({ certificate, starttls: false });
    try {
      await start(smtp.port);
      const to = `cleartext-${Date.now()}@it.cpas.be`;
      const { id } = await mailTo(to);
      await expect.poll(async () => (await row(id)).smtpResponse ?? "", { timeout: 10_000 }).toMatch(/^ETLS/);
      expect((await row(id)).status).toBe("PENDING");
      expect(received(smtp, to)).toHaveLength(0);
    } finally {
      await stopWorkers();
      await smtp.stop();
    }
  });
});
