import { describe, expect, it } from "vitest";

import { readLimitedFormData } from "./read-limited-form";

function upload(bytes: number, o: { withLength: boolean }) {
  const form = new FormData();
  form.set("fichier", new File([new Uint8Array(bytes)], "x.enc"));
  const probe = new Request("http://localhost/", { method: "POST", body: form });
  const headers = new Headers({ "content-type": probe.headers.get("content-type")! });
  // Without Content-Length, as a chunked upload arrives.
  return probe.arrayBuffer().then((body) => {
    if (o.withLength) headers.set("content-length", String(body.byteLength));
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < body.byteLength; i += 1000) c.enqueue(new Uint8Array(body.slice(i, i + 1000)));
        c.close();
      },
    });
    return new Request("http://localhost/", { method: "POST", body: stream, headers, duplex: "half" } as RequestInit);
  });
}

describe("readLimitedFormData", () => {
  const limits = { maxBytes: 10_000, tooLarge: "trop gros" };

  it("parses an upload under the cap", async () => {
    const form = await readLimitedFormData(await upload(5_000, { withLength: false }), limits);
    expect((form.get("fichier") as File).size).toBe(5_000);
  });

  it("stops reading past the cap, with or without Content-Length", async () => {
    await expect(readLimitedFormData(await upload(20_000, { withLength: false }), limits)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    await expect(readLimitedFormData(await upload(20_000, { withLength: true }), limits)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});
