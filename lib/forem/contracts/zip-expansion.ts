import { inflateRawSync } from "node:zlib";

// An .xlsx is a zip archive: 2 MB on the wire can expand to gigabytes when a library opens it (a
// "zip bomb"). Before exceljs sees the file, every entry is inflated here with a hard cap on the
// bytes actually produced (zlib's maxOutputLength), so declared sizes that lie do not matter.
// Only what an .xlsx uses is accepted: stored or deflated entries, no zip64, no encryption.

export const MAX_XLSX_EXPANDED_BYTES = 50 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 1000;

export type ZipVerdict = { ok: true; entries: number; expandedBytes: number } | { ok: false; reason: "unreadable" | "too_large" };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function checkZipExpansion(bytes: Uint8Array, o: { maxBytes?: number; maxEntries?: number } = {}): ZipVerdict {
  const maxBytes = o.maxBytes ?? MAX_XLSX_EXPANDED_BYTES;
  const maxEntries = o.maxEntries ?? MAX_XLSX_ENTRIES;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  try {
    // The end-of-central-directory record: within the last 22 + 65535 bytes (comment).
    let eocd = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
      if (u32(at) === EOCD) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) return { ok: false, reason: "unreadable" };
    const count = u16(eocd + 10);
    const cdOffset = u32(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) return { ok: false, reason: "too_large" }; // zip64
    if (count > maxEntries) return { ok: false, reason: "too_large" };
    let expanded = 0;
    let at = cdOffset;
    for (let i = 0; i < count; i++) {
      if (u32(at) !== CENTRAL) return { ok: false, reason: "unreadable" };
      const flags = u16(at + 8);
      const method = u16(at + 10);
      const compressed = u32(at + 20);
      const nameLength = u16(at + 28);
      const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
      const local = u32(at + 42);
      if ((flags & 1) !== 0 || compressed === 0xffffffff) return { ok: false, reason: "unreadable" }; // encrypted, zip64
      if (u32(local) !== LOCAL) return { ok: false, reason: "unreadable" };
      const start = local + 30 + u16(local + 26) + u16(local + 28);
      if (start + compressed > bytes.length) return { ok: false, reason: "unreadable" };
      const data = bytes.subarray(start, start + compressed);
      const budget = maxBytes - expanded;
      if (method === 0) {
        if (compressed > budget) return { ok: false, reason: "too_large" };
        expanded += compressed;
      } else if (method === 8) {
        try {
          expanded += inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
        } catch (e) {
          return { ok: false, reason: (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "too_large" : "unreadable" };
        }
      } else return { ok: false, reason: "unreadable" };
      if (expanded > maxBytes) return { ok: false, reason: "too_large" };
      at = next;
    }
    return { ok: true, entries: count, expandedBytes: expanded };
  } catch {
    // A read past the end (RangeError from DataView): a truncated or forged archive.
    return { ok: false, reason: "unreadable" };
  }
}
