import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { actionLabel, hasActionLabel } from "./event-types";

// Issue 11: every audited action has a French label in the security log. The list is read from
// the sources, so an action added tomorrow without a label fails here: the `action: "…"` given to
// writeAuditEvent in lib/ and app/ (tests excluded), the literals of the same families in those
// files (an action chosen in a variable, e.g. sign-out), and the actions built from a template,
// expanded by hand below.
const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "generated" || d.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) && !full.includes(`${path.sep}testing${path.sep}`) ? [full] : [];
  });
}

// Actions built from a template: what each can produce, from the kinds its callers pass.
const TEMPLATES: Record<string, readonly string[]> = {
  // lib/c607/requests/record-change.ts, type ChangeKind
  "c607.${o.kind}": [
    "created",
    "updated",
    "attachment_added",
    "attachment_removed",
    "sent",
    "taken",
    "complement_requested",
    "derogation_accepted",
    "derogation_refused",
    "calculated",
    "answered",
    "copied",
  ].map((k) => `c607.${k}`),
  // lib/rapport-unique/workflow.ts, the kinds given to recordEvent
  "rapport_unique.${e.kind}": [
    "section_saved",
    "spreadsheet_imported",
    "spreadsheet_removed",
    "ready",
    "signed",
    "returned_by_signer",
    "signatures_voided",
    "sent",
    "returned_by_sppis",
    "accepted",
  ].map((k) => `rapport_unique.${k}`),
  // lib/access/manage/manage-co-rae.ts
  'access.co_rae_${c.change === "delete" ? "deleted" : c.change === "block" ? "blocked" : "unblocked"}': [
    "access.co_rae_deleted",
    "access.co_rae_blocked",
    "access.co_rae_unblocked",
  ],
};

function auditedActions(): { actions: Set<string>; unknownTemplates: string[] } {
  const files = [...sourceFiles(path.join(ROOT, "lib")), ...sourceFiles(path.join(ROOT, "app"))]
    .map((f) => ({ f, text: readFileSync(f, "utf8") }))
    .filter(({ text }) => text.includes("writeAuditEvent("));
  const actions = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const { text } of files) {
    for (const m of text.matchAll(/action: "([a-z0-9_]+\.[a-z0-9_.]+)"/g)) actions.add(m[1]!);
    for (const m of text.matchAll(/action: `([^`]+)`/g)) {
      const expanded = TEMPLATES[m[1]!];
      if (expanded) for (const a of expanded) actions.add(a);
      else unknownTemplates.push(m[1]!);
    }
  }
  const families = new Set([...actions].map((a) => a.split(".")[0]));
  for (const { text } of files) {
    for (const line of text.split("\n")) {
      // Not a permission (`can(actor, "session.end_others")`), an inbox message kind
      // (`kind: "c607.returned"`) nor an object key (`"worker.niss": [message]`, but a ternary's
      // `"auth.sign_out" : "auth.session_ended"` is kept).
      if (/\b(can|authorize)\(|permission/.test(line)) continue;
      for (const m of line.matchAll(/(kind: )?"([a-z0-9_]+)\.([a-z0-9_]+)"(\s*:\s*[^"\s])?/g)) {
        if (!m[1] && !m[4] && families.has(m[2]!)) actions.add(`${m[2]}.${m[3]}`);
      }
    }
  }
  return { actions, unknownTemplates };
}

describe("audited actions", () => {
  const { actions, unknownTemplates } = auditedActions();

  it("finds the actions (the scan itself works)", () => {
    for (const a of ["auth.sign_in", "auth.sign_out", "access.co_rae_deleted", "c607.answered", "forem.file_built", "policy.violation"]) {
      expect(actions).toContain(a);
    }
  });

  it("knows how to expand every action built from a template", () => {
    expect(unknownTemplates).toEqual([]);
  });

  it("gives every audited action its own label, in French and in Dutch (issue 13)", () => {
    expect([...actions].filter((a) => !hasActionLabel(a, "fr")).sort()).toEqual([]);
    expect([...actions].filter((a) => !hasActionLabel(a, "nl")).sort()).toEqual([]);
  });

  it("never shows a code as a label", () => {
    for (const a of actions) {
      expect(actionLabel(a, "fr")).not.toMatch(/[a-z]_[a-z]|\.[a-z]/);
      expect(actionLabel(a, "nl")).not.toMatch(/[a-z]_[a-z]|\.[a-z]/);
    }
  });
});
