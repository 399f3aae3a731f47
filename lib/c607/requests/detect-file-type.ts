// Attachments are typed from their first bytes, never from their name or the browser's claim:
// a "scan.pdf" that is an executable is refused. Pure, so the unit tests cover it.

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const SIGNATURES: { mimeType: string; extension: string; bytes: number[] }[] = [
  {
    mimeType: "application/pdf",
    extension: "pdf",
    bytes: [0x25, 0x50, 0x44, 0x46, 0x2d],
  }, // %PDF-
  {
    mimeType: "image/png",
    extension: "png",
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  { mimeType: "image/jpeg", extension: "jpg", bytes: [0xff, 0xd8, 0xff] },
];

export function detectFileType(content: Uint8Array): { mimeType: string; extension: string } | null {
  const match = SIGNATURES.find((s) => s.bytes.every((b, i) => content[i] === b));
  return match ? { mimeType: match.mimeType, extension: match.extension } : null;
}

/** A name safe to show and to put in Content-Disposition: no path, no control or quote characters. */
export function cleanFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .trim()
    .slice(0, 150);
  return base || `piece-jointe.${extension}`;
}
