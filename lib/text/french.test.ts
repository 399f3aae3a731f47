import { describe, expect, it } from "vitest";

import { ofName } from "./french";

describe("ofName", () => {
  it.each([
    ["Emma Martin", "d'Emma Martin"],
    ["Élodie Lambert", "d'Élodie Lambert"],
    ["Yves Renard", "d'Yves Renard"],
    ["Jean Dupont", "de Jean Dupont"],
    ["Hugo Petit", "de Hugo Petit"],
  ])("%s → %s", (name, text) => {
    expect(ofName(name)).toBe(text);
  });
});
