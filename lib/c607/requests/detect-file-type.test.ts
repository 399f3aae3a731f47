import { describe, expect, it } from "vitest";

import { cleanFileName, detectFileType } from "./detect-file-type";

describe("detectFileType", () => {
  it("recognises PDF, PNG and JPEG from their first bytes", () => {
    expect(detectFileType(new TextEncoder().encode("%PDF-1.7\n"))?.mimeType).toBe("application/pdf");
    expect(detectFileType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.mimeType).toBe("image/png");
    expect(detectFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))?.mimeType).toBe("image/jpeg");
  });

  it("refuses anything else, whatever the name says", () => {
    expect(detectFileType(new Uint8Array([0x4d, 0x5a]))).toBeNull(); // an .exe called scan.pdf
    expect(detectFileType(new TextEncoder().encode("<html>%PDF-"))).toBeNull();
    expect(detectFileType(new Uint8Array([]))).toBeNull();
  });
});

describe("cleanFileName", () => {
  it("drops the path and characters that break a header", () => {
    expect(cleanFileName('..\\..\\C:/x/"fiche".pdf', "pdf")).toBe("fiche.pdf");
    expect(cleanFileName("   ", "png")).toBe("piece-jointe.png");
  });
});
