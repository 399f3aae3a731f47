import { describe, expect, it } from "vitest";

import { byFileName } from "./file-order";

describe("FI parts in the order of their file names", () => {
  it("reads numbers as numbers and accents as French does", () => {
    const names = ["FI.DMFA.10", "FI.DMFA.2", "FI.DMFA.1", "fi.é", "fi.e"].map((name) => ({ name }));
    expect(names.sort(byFileName).map((f) => f.name)).toEqual(["FI.DMFA.1", "FI.DMFA.2", "FI.DMFA.10", "fi.e", "fi.é"]);
  });
});
