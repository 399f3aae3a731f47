import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

import { describe, expect, it } from "vitest";

// One way in (issue 9, STYLE 5): every server action (app/**/actions.ts) and every route handler
// (app/api/**/route.ts, except next-auth's own app/api/auth/**) must be built by the wrapper that
// declares its permission. This reads the sources, so a handler that forgets the wrapper, or a
// wrapper call without `permission:`, fails CI before it ships.

const ROOT = join(__dirname, "..", "..");
const ACTION_BUILDERS = ["defineAction", "defineFormAction", "managementAction"];
const ROUTE_BUILDERS = ["defineRoute"];
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const PERMISSIONS = /[{,\s]permission:\s*("(public|signedIn|[a-z0-9_]+(\.[a-z0-9_]+)+)"|\[\s*"[a-z0-9_.]+"[^\]]*\]|C607_SIDES)\s*[,}]/;

function walk(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return walk(path, name);
    return entry === name ? [path] : [];
  });
}

/** The text of the call starting at `open` (an opening parenthesis), up to its matching parenthesis. */
function callText(source: string, open: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

/** Aliases of the builders in this file (`import { managementAction as action }`). */
function builderNames(source: string, builders: string[]): string[] {
  const aliases = [...source.matchAll(/\b(\w+)\s+as\s+(\w+)/g)].filter((m) => builders.includes(m[1]!)).map((m) => m[2]!);
  return [...builders, ...aliases];
}

/** Every export of the file, with what is wrong with it (null when it is built by the wrapper with a permission). */
export function checkExports(source: string, kind: "action" | "route"): { name: string; problem: string | null }[] {
  const builders = builderNames(source, kind === "action" ? ACTION_BUILDERS : ROUTE_BUILDERS);
  const results: { name: string; problem: string | null }[] = [];
  for (const m of source.matchAll(
    /^export\s+(?:(default)|(async\s+function|function)\s+(\w+)|(const|let|var)\s+(\w+)\s*=\s*|(\{[^}]*\})|(type|interface)\s+\w+)/gm,
  )) {
    if (m[7]) continue; // types vanish at build time
    if (m[1] || m[6]) {
      results.push({ name: m[1] ? "default" : m[6]!, problem: "export par défaut ou ré-export : déclarez chaque point d'entrée avec son enveloppe" });
      continue;
    }
    const name = m[3] ?? m[5]!;
    if (kind === "route" && !HTTP_METHODS.includes(name)) continue; // dynamic, revalidate…
    if (m[2]) {
      results.push({ name, problem: "fonction écrite à la main : construisez-la avec " + builders[0] });
      continue;
    }
    const rest = source.slice(m.index + m[0].length);
    const call = /^(\w+)\s*(?:<[^>]*>)?\s*\(/.exec(rest);
    if (!call || !builders.includes(call[1]!)) {
      results.push({ name, problem: `n'est pas construit par ${builders.join(" / ")}` });
      continue;
    }
    const text = callText(rest, call[0].length - 1);
    results.push({ name, problem: PERMISSIONS.test(text) ? null : "aucune permission déclarée (permission: …)" });
  }
  return results;
}

const actionFiles = walk(join(ROOT, "app"), "actions.ts");
const routeFiles = walk(join(ROOT, "app", "api"), "route.ts").filter((f) => !relative(ROOT, f).startsWith(join("app", "api", "auth")));

describe("one way in: every entry point is built by the wrapper with a declared permission", () => {
  it("finds the entry points", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(10);
    expect(routeFiles.length).toBeGreaterThanOrEqual(20);
  });

  it.each(actionFiles.map((f) => [relative(ROOT, f), f]))("server actions of %s", (_, file) => {
    const exports = checkExports(readFileSync(file, "utf8"), "action");
    expect(exports.length).toBeGreaterThan(0);
    expect(exports.filter((e) => e.problem)).toEqual([]);
  });

  it.each(routeFiles.map((f) => [relative(ROOT, f), f]))("route handlers of %s", (_, file) => {
    const exports = checkExports(readFileSync(file, "utf8"), "route");
    expect(exports.length).toBeGreaterThan(0);
    expect(exports.filter((e) => e.problem)).toEqual([]);
  });
});

describe("the check itself (so that it cannot pass by accident)", () => {
  it("flags a hand-made action, a wrapper without permission and a re-export", () => {
    const source = [
      `export async function doIt(f: FormData) { return f; }`,
      `export const viaWrapper = defineAction({ name: "x", input: Z, run: async () => 1 });`,
      `export const fine = defineAction({ name: "x", permission: "entity.view", input: Z, resource: r, run: async () => 1 });`,
      `export { other } from "./other";`,
    ].join("\n");
    expect(checkExports(source, "action").map((e) => [e.name, e.problem !== null])).toEqual([
      ["doIt", true],
      ["viaWrapper", true],
      ["fine", false],
      ["{ other }", true],
    ]);
  });

  it("flags a route exported as a plain function and accepts defineRoute with a permission", () => {
    const source = [
      `export const dynamic = "force-dynamic";`,
      `export async function GET(req: Request) { return new Response("x"); }`,
      `export const POST = defineRoute({\n  permission: ["app.c607", "app.c607.onem"],\n  resource: r,\n  handler: async () => new Response("(")\n});`,
      `export const DELETE = routeHandler(async () => new Response(""));`,
    ].join("\n");
    expect(checkExports(source, "route").map((e) => [e.name, e.problem !== null])).toEqual([
      ["GET", true],
      ["POST", false],
      ["DELETE", true],
    ]);
  });
});
