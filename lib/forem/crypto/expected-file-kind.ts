// A wrong password passes the final padding check about once in 256 tries (DOMAIN.md: OpenSSL
// `enc` has no integrity check), and then "decrypts" to noise. When the name says what the file
// should be, its first bytes tell whether the result is that kind of file (issue 11).

import { msg } from "@/lib/i18n/message-ref";

// `label` is a catalogue reference (issue 13): « un document PDF » in the reader's language.
type Kind = { label: string; signatures: readonly (readonly number[])[] };

const ZIP: Kind = {
  label: msg("encryption.kinds.zip"),
  signatures: [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
  ],
};
const KINDS: Record<string, Kind> = {
  xlsx: ZIP,
  xlsm: ZIP,
  docx: ZIP,
  pptx: ZIP,
  ods: ZIP,
  odt: ZIP,
  zip: ZIP,
  pdf: { label: msg("encryption.kinds.pdf"), signatures: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  png: { label: msg("encryption.kinds.png"), signatures: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { label: msg("encryption.kinds.jpeg"), signatures: [[0xff, 0xd8, 0xff]] },
  jpeg: { label: msg("encryption.kinds.jpeg"), signatures: [[0xff, 0xd8, 0xff]] },
};

/** Bytes needed to decide: the longest signature. */
export const FILE_KIND_HEAD_LENGTH = 5;

/**
 * The kind the decrypted file should be, from its name ("liste.xlsx" → zip), and whether its first
 * bytes match. `null` when the name says nothing we can check (a .csv, no extension…).
 */
export function checkExpectedKind(name: string, head: Uint8Array): { isExpected: boolean; label: string } | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const kind = extension ? KINDS[extension] : undefined;
  if (!kind) return null;
  const isExpected = kind.signatures.some((s) => s.every((byte, i) => head[i] === byte));
  return { isExpected, label: kind.label };
}
