import "server-only";

import { AppError } from "@/lib/errors/app-error";

/**
 * `request.formData()` buffers whatever arrives, Content-Length or not (chunked uploads have none).
 * This reads the body with a byte cap first, so an oversized upload is cut off at `maxBytes`
 * instead of filling the server's memory, then parses the multipart form from those bytes.
 */
export async function readLimitedFormData(req: Request, o: { maxBytes: number; tooLarge: string }): Promise<FormData> {
  if (Number(req.headers.get("content-length") ?? 0) > o.maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", o.tooLarge);
  if (!req.body) throw new AppError("BAD_REQUEST", "Requête vide.");
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > o.maxBytes) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", o.tooLarge);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.byteLength;
  }
  try {
    return await new Response(body, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "Formulaire d'envoi illisible (multipart/form-data attendu).");
  }
}
