import { createRequire } from "node:module";

import { describe, expect, it } from "vitest";

import { fr, nl } from "./catalogue";

// The build's loader of the catalogues (next.config.js, issue 15): the same tree, every message
// compiled by icu-minify; a catalogue it cannot compile fails the build, and this test says where.
const require = createRequire(import.meta.url);
const loader = require("./precompile-loader.cjs") as ((source: string) => string) & { compileTree: (node: unknown, at: string) => unknown };

describe("precompile-loader", () => {
  it("keeps the tree and plain text, compiles a message with arguments (worked example)", () => {
    const out = JSON.parse(loader(JSON.stringify({ users: { title: "Utilisateurs et droits ({count})", filter: "Filtrer" } })));
    expect(out).toEqual({ users: { title: ["Utilisateurs et droits (", ["count"], ")"], filter: "Filtrer" } });
  });

  it("refuses what is neither a message nor a group, naming where", () => {
    expect(() => loader(JSON.stringify({ a: { b: ["x"] } }))).toThrow("a.b");
    expect(() => loader(JSON.stringify({ a: 3 }))).toThrow("a :");
  });

  it("compiles both catalogues", () => {
    for (const catalogue of [fr, nl]) expect(() => loader.compileTree(catalogue, "")).not.toThrow();
  });
});
