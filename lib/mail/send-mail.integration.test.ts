import { createServer, type Socket } from "node:net";

import { afterAll, describe, expect, it } from "vitest";

import { sendMail } from "./send-mail";

// Issue 12, bad input: an SMTP server that accepts the connection and then says nothing. The
// attempt ends on its own (the worker is not held) and counts as temporary: the outbox retries.
const sockets: Socket[] = [];
const silent = createServer((s) => sockets.push(s));
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
});

describe("sendMail", () => {
  it("gives up on a server that never greets, as a temporary failure", async () => {
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    const outcome = await sendMail(
      { host: "127.0.0.1", port, secure: false, requireTLS: true, connectionTimeout: 500, greetingTimeout: 500, socketTimeout: 500 },
      { to: "a@it.cpas.be", from: { name: "Portail", address: "portail@it.cpas.be" }, subject: "S", text: "t", html: "<p>t</p>", messageId: "<x@it.cpas.be>" },
    );
    expect(outcome).toMatchObject({ ok: false, permanent: false });
    expect(outcome.ok ? "" : outcome.response).toMatch(/ETIMEDOUT|Greeting never received/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses to send to a malformed address, whatever wrote the row", async () => {
    const outcome = await sendMail(
      { host: "127.0.0.1", port: 1 },
      {
        to: "a@it.cpas.be\r\nBcc: b@example.com",
        from: { name: null, address: "portail@it.cpas.be" },
        subject: "S",
        text: "t",
        html: "t",
        messageId: "<y@it.cpas.be>",
      },
    );
    expect(outcome).toEqual({ ok: false, permanent: true, response: "adresse du destinataire non valable" });
  });
});
