import compile from "icu-minify/compile";
import { describe, expect, it } from "vitest";

import { fr, nl } from "./catalogue";
import { flatten, type Tree } from "./testing/flatten";
import { FORMATS } from "./translator";

// Issue 15: the build compiles the catalogues (next.config.js, lib/i18n/precompile-loader.cjs). Code that
// reads a message as a value instead of through a translator — `messagesFor(locale).x.y`, or a
// catalogue file imported directly — gets, inside the build, the compiled form: the same string
// for plain text, an array for a message with arguments, and ICU's quoting resolved (« '{' » → « { »).
// Outside the build (jobs, tests) the same read gives the text as written. So such reads are
// allowed on plain labels only, which compile to themselves. The maps below are every value read
// that way, each with the code that reads it; a label given an argument must be read through `t`.

const READ_AS_VALUES: { path: string; readBy: string; except?: string[] }[] = [
  { path: "batch.services", readBy: "lib/batch/services.ts serviceLabel" },
  { path: "securityLog.keys", readBy: "lib/security-log/value-labels.ts keyLabel" },
  { path: "securityLog.values", readBy: "lib/security-log/value-labels.ts valueLabels" },
  { path: "c607.status", readBy: "lib/security-log/value-labels.ts valueLabels (status of a C60.7 event)" },
  { path: "access.qualities", readBy: "value-labels.ts and lib/access/catalogue.ts QUALITY_LABELS" },
  { path: "access.roles", readBy: "value-labels.ts and lib/access/catalogue.ts ROLE_LABELS" },
  { path: "access.rights", readBy: "value-labels.ts rightNames and lib/access/catalogue.ts ACCESS_RIGHTS" },
  { path: "access.applications", readBy: "lib/access/catalogue.ts APPLICATIONS" },
  { path: "securityLog.csv", readBy: "lib/security-log/export-security-log.ts (columns)", except: ["limited", "fileName"] },
  { path: "securityLog.words", readBy: "lib/security-log/describe-event.ts, present-events.ts", except: ["namedTarget"] },
  { path: "securityLog.targets", readBy: "lib/security-log/describe-event.ts describeTarget" },
  { path: "audit.actions", readBy: "lib/security-log/event-types.ts labelOf" },
  { path: "common.globalError", readBy: "app/global-error.tsx" },
];

/** The messages under `path` that the code reads as values (its exceptions left out). */
function labelsRead(catalogue: Tree, path: string, except: string[] = []): [string, string][] {
  return [...flatten(catalogue)].filter(([key]) => key.startsWith(`${path}.`) && !except.some((e) => key === `${path}.${e}`));
}

describe("labels read as values are plain text, the same compiled or not", () => {
  for (const [name, catalogue] of [
    ["fr", fr],
    ["nl", nl],
  ] as const) {
    it.each(READ_AS_VALUES)(`${name}: $path ($readBy)`, ({ path, except = [] }) => {
      const labels = labelsRead(catalogue as unknown as Tree, path, except);
      expect(labels.length).toBeGreaterThan(0);
      const changed = labels.filter(([, text]) => compile(text) !== text).map(([key, text]) => `${key}: ${text}`);
      expect(changed).toEqual([]);
    });
  }

  it("the check itself tells a message with an argument or ICU quoting from a plain label", () => {
    // Worked examples: what the build makes of each (icu-minify, as next-intl's precompile uses it).
    expect(compile("Bloqué")).toBe("Bloqué");
    expect(compile("l'institution")).toBe("l'institution");
    expect(compile("{type} « {name} »")).not.toBe("{type} « {name} »");
    expect(compile("'{'accolade'}'")).toBe("{accolade}");
  });

  it("the exceptions are messages with arguments, formatted by a translator where they are used", () => {
    const messages = flatten(fr as unknown as Tree);
    const exceptions = READ_AS_VALUES.flatMap(({ path, except = [] }) => except.map((e) => `${path}.${e}`));
    expect(exceptions).toEqual(["securityLog.csv.limited", "securityLog.csv.fileName", "securityLog.words.namedTarget"]);
    for (const key of exceptions) expect(compile(messages.get(key)!), key).not.toBe(messages.get(key));
  });
});

describe("named date and number styles are the portal's own formats", () => {
  // use-intl's format-only runtime (the build's) knows only the formats it is given (FORMATS), not
  // ICU's built-in `short` / `medium` / `long` styles that the full runtime (jobs, tests) adds: a
  // message naming another style would read differently on a page and in a mail.
  const styled = /\{\s*\w+\s*,\s*(date|time|number)\s*,\s*([\w-]+)\s*\}/g;
  for (const [name, catalogue] of [
    ["fr", fr],
    ["nl", nl],
  ] as const) {
    it(`${name}: every {x, date|time|number, style} names one of FORMATS`, () => {
      const used = [...flatten(catalogue as unknown as Tree)].flatMap(([key, text]) =>
        [...text.matchAll(styled)].map((m) => ({ key, kind: m[1]!, style: m[2]! })),
      );
      expect(used.length).toBeGreaterThan(0);
      const unknown = used.filter(({ kind, style }) => !(style in (kind === "number" ? FORMATS.number : FORMATS.dateTime)));
      expect(unknown).toEqual([]);
    });
  }

  it("the pattern finds a style, and FORMATS lacks ICU's built-in ones", () => {
    expect([..."Le {d, date, medium} à {t, time, time}".matchAll(styled)].map((m) => m[2])).toEqual(["medium", "time"]);
    expect("medium" in FORMATS.dateTime).toBe(false);
  });
});
