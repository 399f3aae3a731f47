import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";

import { fr, nl } from "./catalogue";
import { SAME_IN_BOTH } from "./same-in-both";
import { flatten, type Tree } from "./testing/flatten";

// Issue 13: both catalogues have exactly the same keys, every message is valid ICU in its language
// and uses the same arguments in both, and no Dutch text is the French one left untranslated
// (except the proper nouns and codes listed in same-in-both.ts, each with its reason).

/** Argument names of an ICU message ({name}, {count, plural, …}), nested ones included. */
function argumentsOf(message: string, locale: string): string[] {
  const ast = new IntlMessageFormat(message, locale).getAst();
  const names = new Set<string>();
  const walk = (nodes: typeof ast) => {
    for (const node of nodes as unknown as { type: number; value?: string; options?: Record<string, { value: typeof ast }>; children?: typeof ast }[]) {
      if (node.type !== 0 && node.type !== 7 && typeof node.value === "string") names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(ast);
  return [...names].sort();
}

const FR = flatten(fr as unknown as Tree);
const NL = flatten(nl as unknown as Tree);

describe("message catalogues (issue 13)", () => {
  it("have one file per namespace in each language, all imported", () => {
    const files = (locale: string) => readdirSync(path.join(process.cwd(), "messages", locale)).sort();
    expect(files("nl")).toEqual(files("fr"));
    expect(files("fr").map((f) => f.replace(/\.json$/, ""))).toEqual(Object.keys(fr).sort());
  });

  it("have exactly the same keys in French and in Dutch", () => {
    const missingInDutch = [...FR.keys()].filter((k) => !NL.has(k));
    const missingInFrench = [...NL.keys()].filter((k) => !FR.has(k));
    expect({ missingInDutch, missingInFrench }).toEqual({ missingInDutch: [], missingInFrench: [] });
  });

  it("hold valid ICU messages with the same arguments in both languages", () => {
    const problems: string[] = [];
    for (const [key, frText] of FR) {
      const nlText = NL.get(key);
      if (nlText === undefined) continue;
      try {
        const a = argumentsOf(frText, "fr-BE");
        const b = argumentsOf(nlText, "nl-BE");
        if (a.join() !== b.join()) problems.push(`${key}: fr {${a}} ≠ nl {${b}}`);
      } catch (e) {
        problems.push(`${key}: ${(e as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("translate every Dutch text (a French one left as is is a bug, except listed proper nouns)", () => {
    const untranslated = [...FR].filter(([key, text]) => NL.get(key) === text && text.trim() !== "" && !SAME_IN_BOTH.has(key)).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it("leave no empty message", () => {
    const empty = [...FR, ...NL].filter(([, text]) => text.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it("keep the JSON files parseable and sorted by nothing but their authors (smoke: every file is an object)", () => {
    for (const locale of ["fr", "nl"]) {
      for (const file of readdirSync(path.join(process.cwd(), "messages", locale))) {
        const parsed = JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, file), "utf8")) as unknown;
        expect(typeof parsed === "object" && parsed !== null && !Array.isArray(parsed), `${locale}/${file}`).toBe(true);
      }
    }
  });
});
