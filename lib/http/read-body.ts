import "server-only";

import type { z } from "zod";

import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import { parseInput } from "./parse-input";

/**
 * The one bounded body reader (issue 9, finding 9). `request.text()` and `request.formData()`
 * buffer whatever arrives, and a chunked upload declares no Content-Length: the limit is enforced
 * while the body streams in, and the reader is cancelled at the first byte over it. A declared
 * length over the limit is refused before anything is read.
 */
export async function readBodyBytes(req: Request, o: { maxBytes: number; tooLarge: string }): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > o.maxBytes) throw tooLarge(o.tooLarge);
  if (!req.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > o.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(o.tooLarge);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.byteLength;
  }
  return body;
}

const tooLarge = (message: string) => new AppError("PAYLOAD_TOO_LARGE", message);

export const MAX_JSON_BYTES = 1024 * 1024;

/** A JSON body, bounded, parsed with the input's schema; a wrong content type or malformed JSON is a 400. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.infer<S>> {
  if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("BAD_REQUEST", msg("errors.request.jsonExpected"));
  }
  const bytes = await readBodyBytes(req, { maxBytes, tooLarge: msg("errors.request.tooLarge", { max: Math.round(maxBytes / 1024) }) });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("BAD_REQUEST", msg("errors.request.jsonInvalid"));
  }
  return parseInput(schema, value);
}

/** A multipart (or url-encoded) form, bounded while it streams, then parsed from those bytes. */
export async function readForm(req: Request, o: { maxBytes: number; tooLarge: string }): Promise<FormData> {
  const bytes = await readBodyBytes(req, o);
  if (bytes.byteLength === 0) throw new AppError("BAD_REQUEST", msg("errors.request.empty"));
  try {
    return await new Response(bytes, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", msg("errors.request.formUnreadable"));
  }
}
