// exceljs packs the workbook with JSZip, which stamps every entry with the time of the build: two
// builds of the same rows differ by those bytes, and the SHA-256 kept in the transmission register
// could not be found again (issue 11). This sets every entry's DOS time and date, in the local
// headers and in the central directory, to one fixed moment. Offsets: PKWARE APPNOTE 4.3.7
// (local file header), 4.3.12 (central directory header), 4.3.16 (end of central directory).

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const EOCD_MIN_SIZE = 22;

/** DOS date and time (local fields, read as UTC by JSZip) of a moment, to the even second. */
export function dosDateTime(moment: Date): { time: number; date: number } {
  return {
    time: (moment.getUTCHours() << 11) | (moment.getUTCMinutes() << 5) | (moment.getUTCSeconds() >> 1),
    date: ((moment.getUTCFullYear() - 1980) << 9) | ((moment.getUTCMonth() + 1) << 5) | moment.getUTCDate(),
  };
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record ends the file, followed only by a comment of at most 65,535 bytes.
  const lowest = Math.max(0, view.byteLength - EOCD_MIN_SIZE - 0xffff);
  for (let at = view.byteLength - EOCD_MIN_SIZE; at >= lowest; at -= 1) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new RangeError("Archive zip invalide : fin du répertoire central introuvable.");
}

/** A copy of `zip` whose entries all carry `moment` as their modification time. */
export function fixZipTimestamps(zip: Uint8Array, moment: Date): Buffer {
  const out = Buffer.from(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { time, date } = dosDateTime(moment);
  const eocd = findEndOfCentralDirectory(view);
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < entries; i += 1) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new RangeError("Archive zip invalide : répertoire central illisible.");
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new RangeError("Archive zip invalide : en-tête local introuvable.");
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
