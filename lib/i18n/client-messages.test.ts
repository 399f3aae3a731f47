import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { AREA_CLIENT_NAMESPACES, pickMessages, SHARED_CLIENT_NAMESPACES } from "./client-messages";

const root = process.cwd();

describe("pickMessages", () => {
  // A catalogue written by hand: what is named is kept whole and nested as it was, nothing else.
  const catalogue = {
    common: { save: "Enregistrer", error: { title: "Erreur" } },
    auth: { login: { title: "Connexion" }, idle: { warning: "Bientôt déconnecté" }, other: { x: "y" } },
    mail: { subject: "Objet" },
  };

  it("keeps whole namespaces and nested parts, and nothing else", () => {
    expect(pickMessages(catalogue, ["common", "auth.idle"])).toEqual({
      common: { save: "Enregistrer", error: { title: "Erreur" } },
      auth: { idle: { warning: "Bientôt déconnecté" } },
    });
  });

  it("merges two parts of one namespace, ignores a path the catalogue lacks, and leaves the catalogue unchanged", () => {
    const before = JSON.stringify(catalogue);
    expect(pickMessages(catalogue, ["auth.login", "auth.idle", "nowhere", "auth.nowhere.deeper"])).toEqual({
      auth: { login: { title: "Connexion" }, idle: { warning: "Bientôt déconnecté" } },
    });
    expect(JSON.stringify(catalogue)).toBe(before);
  });
});

// ---- Which namespaces each page's client islands read, from the sources -------------------------

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
const USE_TRANSLATIONS = /\buseTranslations\(\s*(?:["']([^"']*)["'])?\s*\)/g;
/** Islands that read the whole catalogue, and why that is covered by their areas' namespaces. */
const WHOLE_CATALOGUE_READERS: Record<string, string> = {
  // Message references of the area's own checks (ru.*, encryption.*), plus errors/validation (shared).
  "components/i18n/use-localize.ts": "area namespaces",
  // The signing checks' references (batch.*): only under app/(portal)/canaux.
  "components/batch/deposit-form.tsx": "batch",
};

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")])
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  return null;
}

const sources = new Map<string, string>();
const read = (file: string) => {
  if (!sources.has(file)) sources.set(file, readFileSync(file, "utf8"));
  return sources.get(file)!;
};
const directive = (file: string, name: string) => new RegExp(`^\\s*(?:\\/\\/[^\\n]*\\n\\s*)*["']${name}["']`).test(read(file));
/** The code without its comments, for finding calls (a comment may name useTranslations()). */
const code = (file: string) =>
  read(file)
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'\\])\/\/[^\n]*/g, "$1");

/** Namespaces read by the client code reachable from `entry` (server modules crossed, islands followed). */
function clientNamespaces(entry: string): Map<string, string> {
  const found = new Map<string, string>(); // namespace ("" = whole catalogue) → first file reading it
  const seen = new Set<string>();
  const visit = (file: string, isClient: boolean) => {
    const key = `${file}:${isClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    // A server action's module imported by an island runs on the server: the browser gets references.
    if (isClient && directive(file, "use server")) return;
    const client = isClient || directive(file, "use client");
    const source = read(file);
    if (client)
      for (const m of code(file).matchAll(USE_TRANSLATIONS)) {
        const ns = m[1] ?? "";
        if (!found.has(ns)) found.set(ns, path.relative(root, file));
      }
    for (const m of [...source.matchAll(IMPORT), ...source.matchAll(DYNAMIC_IMPORT)]) {
      const next = resolve(file, m[1]!);
      if (next && !next.includes(`${path.sep}node_modules${path.sep}`)) visit(next, client);
    }
  };
  visit(entry, false);
  return found;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "api" ? [] : routeFiles(full);
    return /^(page|layout|error|not-found|global-error)\.tsx$/.test(d.name) ? [full] : [];
  });
}

function providedFor(file: string): string[] {
  const dir = path.relative(root, path.dirname(file));
  const areas = Object.entries(AREA_CLIENT_NAMESPACES).filter(([area]) => dir === area || dir.startsWith(`${area}/`));
  return [...SHARED_CLIENT_NAMESPACES, ...areas.flatMap(([, ns]) => ns)];
}
const covers = (provided: string[], ns: string) => provided.some((p) => ns === p || ns.startsWith(`${p}.`));

describe("the catalogue sent to the browser", () => {
  const pages = routeFiles(path.join(root, "app"));

  it("finds the islands the analysis must see (written by hand: a blind analysis would pass everything)", () => {
    const at = (f: string) => [...clientNamespaces(path.join(root, f)).keys()].sort();
    expect(at("app/login/page.tsx")).toEqual(expect.arrayContaining(["auth.login", "common"]));
    expect(at("app/(portal)/c607/nouvelle/page.tsx")).toEqual(expect.arrayContaining(["c607.form", "c607"]));
    expect(at("app/(portal)/gestion/qualites/[id]/page.tsx")).toContain("access.form");
    expect(at("app/(portal)/chiffrement/page.tsx")).toEqual(expect.arrayContaining(["encryption.island", "encryption.password", ""]));
    expect(at("app/(portal)/layout.tsx")).toEqual(expect.arrayContaining(["nav", "auth.idle"]));
    // A server component's translations stay on the server: the dashboard reads « dashboard » there only.
    expect(at("app/(portal)/tableau-de-bord/page.tsx")).not.toContain("dashboard");
  });

  it("every page, layout and error page sends each namespace its islands read", () => {
    const missing: string[] = [];
    for (const file of pages) {
      const provided = providedFor(file);
      for (const [ns, reader] of clientNamespaces(file)) {
        if (ns === "") {
          if (!(reader in WHOLE_CATALOGUE_READERS)) missing.push(`${path.relative(root, file)}: ${reader} reads the whole catalogue`);
          else if (WHOLE_CATALOGUE_READERS[reader] === "batch" && !covers(provided, "batch"))
            missing.push(`${path.relative(root, file)}: ${reader} needs batch`);
          continue;
        }
        if (!covers(provided, ns)) missing.push(`${path.relative(root, file)}: « ${ns} » (read by ${reader})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("lists send no more than the shared namespaces; a request's pages send « c607 » (written by hand)", () => {
    // The ONEM queue and the CPAS's list of requests render on the server only: the 45 KB of
    // « c607 » made a sixth of the ONEM queue's page at national size (issue 15).
    const shared = [...SHARED_CLIENT_NAMESPACES];
    expect(providedFor(path.join(root, "app/(portal)/onem/page.tsx"))).toEqual(shared);
    expect(providedFor(path.join(root, "app/(portal)/c607/page.tsx"))).toEqual(shared);
    expect(providedFor(path.join(root, "app/(portal)/c607/[id]/page.tsx"))).toEqual([...shared, "c607"]);
    expect(providedFor(path.join(root, "app/(portal)/c607/[id]/modifier/page.tsx"))).toEqual([...shared, "c607"]);
    expect(providedFor(path.join(root, "app/(portal)/c607/nouvelle/page.tsx"))).toEqual([...shared, "c607"]);
    // The Rapport unique overview sends its two import islands' parts; a form's page the whole « ru ».
    expect(providedFor(path.join(root, "app/(portal)/rapport-unique/page.tsx"))).toEqual([...shared, "ru.grantsImport", "ru.measureImport"]);
    expect(providedFor(path.join(root, "app/(portal)/rapport-unique/formulaires/[id]/page.tsx"))).toContain("ru");
  });

  it("names only folders and namespaces that exist", () => {
    const dir = path.join(root, "messages", "fr");
    const fr = Object.fromEntries(readdirSync(dir).map((f) => [f.replace(/\.json$/, ""), JSON.parse(read(path.join(dir, f))) as unknown]));
    const exists = (ns: string) =>
      ns.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), fr) !== undefined;
    for (const ns of [...SHARED_CLIENT_NAMESPACES, ...Object.values(AREA_CLIENT_NAMESPACES).flat()]) expect(exists(ns), ns).toBe(true);
    for (const area of Object.keys(AREA_CLIENT_NAMESPACES)) {
      expect(existsSync(path.join(root, area)), area).toBe(true);
      const layout = path.join(root, area, "layout.tsx");
      expect(existsSync(layout) && read(layout).includes(`<ClientMessages area="${area}">`), `${area}/layout.tsx gives the area its namespaces`).toBe(true);
    }
  });
});
