import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { buildFileNames, cancellationName, checkFileSet, parseFileName } from "./file-names";

const SET = { code: "DMFA", senderNumber: "123456", date: "2026-11-25", sequence: 7, environment: "R" as const, parts: 2 };

describe("batch channel file names", () => {
  it("builds FI and FS for each part and one GO, in the production directory", () => {
    expect(buildFileNames(SET)).toEqual({
      fi: ["FI.DMFA.123456.20261125.00007.R.2.1", "FI.DMFA.123456.20261125.00007.R.2.2"],
      fs: ["FS.DMFA.123456.20261125.00007.R.2.1", "FS.DMFA.123456.20261125.00007.R.2.2"],
      go: "GO.DMFA.123456.20261125.00007.R.2",
      directory: "IN",
    });
  });

  it("needs no FS in the test environment, which goes to INTEST", () => {
    expect(buildFileNames({ ...SET, environment: "T", parts: 1 })).toEqual({
      fi: ["FI.DMFA.123456.20261125.00007.T.1.1"],
      fs: [],
      go: "GO.DMFA.123456.20261125.00007.T.1",
      directory: "INTEST",
    });
  });

  it("reads every name it builds back to the same set", () => {
    const names = buildFileNames(SET);
    for (const n of [...names.fi, ...names.fs]) expect(parseFileName(n)).toMatchObject({ set: SET });
    expect(parseFileName(names.go)).toEqual({ kind: "GO", set: SET, part: null });
    expect(parseFileName(names.fi[1]!)).toMatchObject({ kind: "FI", part: 2 });
  });

  it("names the TD like the GO with the prefix TD (« Créer les fichiers FI, FS et GO » v13: TD.XXXX.123456.20120213.00001.R.1)", () => {
    expect(cancellationName("GO.XXXX.123456.20120213.00001.R.1")).toBe("TD.XXXX.123456.20120213.00001.R.1");
    expect(cancellationName("GO.DMFA.123456.20261125.00007.T.2")).toBe("TD.DMFA.123456.20261125.00007.T.2");
    expect(parseFileName("TD.DMFA.123456.20261125.00007.R.2")).toMatchObject({ kind: "TD", part: null, set: { sequence: 7, parts: 2 } });
    expect(() => cancellationName("FI.DMFA.123456.20261125.00007.R.2.1")).toThrow();
  });

  it("writes the sequence on 5 digits and allows one to nine parts (directives: number.htm, ACRF 114-116 and 128)", () => {
    expect(buildFileNames({ ...SET, sequence: 1, environment: "T", parts: 1 }).go).toBe("GO.DMFA.123456.20261125.00001.T.1");
    expect(buildFileNames({ ...SET, sequence: 99_999, parts: 9 }).fi[8]).toBe("FI.DMFA.123456.20261125.99999.R.9.9");
    expect(checkFileSet({ ...SET, parts: 10 }).map((e) => e.field)).toEqual(["parts"]);
    expect(checkFileSet({ ...SET, sequence: 100_000 }).map((e) => e.field)).toEqual(["sequence"]);
  });

  it("refuses malformed sets and names field by field, in French", () => {
    const errors = checkFileSet({ code: "dmfa", senderNumber: "12345", date: "2026-02-30", sequence: 0, environment: "X" as "R", parts: 0 });
    expect(errors.map((e) => e.field)).toEqual(["code", "senderNumber", "date", "sequence", "environment", "parts"]);
    expect(localize("fr", errors[1]!.message)).toBe("Numéro d'expéditeur : 6 chiffres.");
    expect(() => buildFileNames({ ...SET, senderNumber: "12" })).toThrow(/fileSender/);
    for (const bad of [
      "FI.DMFA.123456.20261125.00007.R.2", // FI without its part
      "GO.DMFA.123456.20261125.00007.R.2.1", // GO with a part
      "FI.DMFA.123456.20261125.00007.R.2.3", // part beyond the parts
      "FI.DMFA.123456.20261332.7.R.2.1", // impossible date
      "FI.DMFA.12345.20261125.00007.R.2.1", // 5-digit sender
      "TD.DMFA.123456.20261125.00007.R.2.1",
      "FI.DMFA.123456.20261125.7.R.2.1", // sequence not on 5 digits (ACRF 112/113/127/367)
      "FI.DMFA.123456.20261125.00007.R.10.1", // parts on two digits (ACRF 114-116, 128)
      "FI.DMFA.123456.20261125.00007.R.0.1",
      "FI.DMFA.123456.20261125.00007.P.2.1",
    ])
      expect(parseFileName(bad), bad).toBeNull();
  });
});
