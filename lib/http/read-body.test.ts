import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";
import { z } from "zod";

import { readBodyBytes, readForm, readJson } from "./read-body";

/** A chunked request (no Content-Length) whose stream counts the bytes the reader pulled. */
function chunked(total: number, o: { contentType?: string; chunk?: number } = {}) {
  const chunk = o.chunk ?? 1000;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent >= total) return c.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      c.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
  const req = new Request("http://localhost/", {
    method: "POST",
    body: stream,
    headers: { "content-type": o.contentType ?? "application/octet-stream" },
    duplex: "half",
  } as RequestInit);
  return { req, pulled: () => sent };
}

async function multipart(bytes: number, o: { withLength: boolean }) {
  const form = new FormData();
  form.set("fichier", new File([new Uint8Array(bytes)], "x.enc"));
  const probe = new Request("http://localhost/", { method: "POST", body: form });
  const body = await probe.arrayBuffer();
  const headers = new Headers({ "content-type": probe.headers.get("content-type")! });
  if (o.withLength) headers.set("content-length", String(body.byteLength));
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < body.byteLength; i += 1000) c.enqueue(new Uint8Array(body.slice(i, i + 1000)));
      c.close();
    },
  });
  return new Request("http://localhost/", { method: "POST", body: stream, headers, duplex: "half" } as RequestInit);
}

describe("one bounded body reader (issue 9, finding 9: chunked uploads bypassed the size limit)", () => {
  const limits = { maxBytes: 10_000, tooLarge: "Le fichier dépasse la taille permise." };

  it("parses a multipart upload under the cap", async () => {
    const form = await readForm(await multipart(5_000, { withLength: false }), limits);
    expect((form.get("fichier") as File).size).toBe(5_000);
  });

  it("refuses past the cap with or without Content-Length, in French, as a 413", async () => {
    for (const withLength of [false, true]) {
      await expect(readForm(await multipart(20_000, { withLength }), limits)).rejects.toMatchObject({
        code: "PAYLOAD_TOO_LARGE",
        status: 413,
        message: "Le fichier dépasse la taille permise.",
      });
    }
  });

  it("stops pulling a chunked body at the first chunk over the cap (it never reads the rest)", async () => {
    // 50 MB announced by nothing: the old C60.7 attachments route read all of it before checking.
    const { req, pulled } = chunked(50 * 1024 * 1024, { chunk: 64 * 1024 });
    await expect(readBodyBytes(req, { maxBytes: 5 * 1024 * 1024, tooLarge: "trop gros" })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(pulled()).toBeLessThan(6 * 1024 * 1024);
  });

  it("bounds JSON bodies the same way", async () => {
    const { req } = chunked(2 * 1024 * 1024, { contentType: "application/json" });
    await expect(readJson(req, z.unknown())).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("every route that takes an upload reads it through this reader (no req.formData / req.text / req.json left)", () => {
    const routes = [
      "app/api/c607/requests/[id]/attachments/route.ts",
      "app/api/fileexchange/route.ts",
      "app/api/forem/contracts/import/route.ts",
      "app/api/canaux/depots/route.ts",
    ];
    for (const r of routes) {
      const source = readFileSync(join(__dirname, "..", "..", r), "utf8");
      expect(source, r).not.toMatch(/req\.(formData|text|json|arrayBuffer|blob)\(/);
      expect(source, r).toMatch(/body:\s*\{\s*form:/);
    }
  });
});
