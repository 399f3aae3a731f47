import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { sourceDigest } from "./build-if-needed";

// The marker a build folder keeps: `npm start`, the benchmarks and the end-to-end servers rebuild
// when it differs, so a pull never serves a stale build. What must move it, and what must not.
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function checkout(): string {
  const root = mkdtempSync(path.join(tmpdir(), "cpas-digest-"));
  dirs.push(root);
  const put = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  put("app/page.tsx", "export default function Page() {}");
  put("lib/a.ts", "export const a = 1;");
  put("messages/fr/common.json", '{"title":"Portail CPAS"}');
  put("next.config.js", "export default {};");
  return root;
}

describe("sourceDigest", () => {
  it("changes with a message of the catalogue (compiled into the build), with code, with the config", () => {
    for (const [file, text] of [
      ["messages/fr/common.json", '{"title":"Portail du CPAS"}'],
      ["lib/a.ts", "export const a = 2;"],
      ["next.config.js", "export default { poweredByHeader: false };"],
    ]) {
      const root = checkout();
      const before = sourceDigest(root);
      writeFileSync(path.join(root, file!), text!);
      expect(sourceDigest(root), file).not.toBe(before);
    }
  });

  it("does not change with a test file, a build folder's contents or docs", () => {
    const root = checkout();
    const before = sourceDigest(root);
    writeFileSync(path.join(root, "lib/a.test.ts"), "it('x', () => {});");
    mkdirSync(path.join(root, "docs"));
    writeFileSync(path.join(root, "docs/readme.md"), "# doc");
    mkdirSync(path.join(root, ".next"));
    writeFileSync(path.join(root, ".next/BUILD_ID"), "x");
    expect(sourceDigest(root)).toBe(before);
  });
});
