import { describe, expect, it } from "vitest";

import { outranks, outranksEverywhere, type Standing } from "./hierarchy";

// Who may act on whom, written from seed 003 (« Les responsabilités ») and issue 9 finding 2:
// « Désigner, bloquer, débloquer et supprimer une co-RAE » is the RAE's; « Nommer/supprimer co-GL »,
// « Gérer les utilisateurs », « Nommer Utilisateur Technique » are the GL's; nothing lets a co-RAE act
// on the RAE, a co-GL on its GL, or a manager of one quality on the managers of another.

const AS = "q-as";
const ONSS = "q-onss";
const SUB = "sub-1";
const p = (id: string, roles: Standing["roles"], isDpd = false): Standing => ({ personId: id, isDpd, roles });
const r = (role: Standing["roles"][number]["role"], qualityId: string | null = null, subdivisionId: string | null = null) => ({
  role,
  qualityId,
  subdivisionId,
});

const rae = p("rae", [r("RAE")]);
const coRae = p("co-rae", [r("CO_RAE")]);
const coRae2 = p("co-rae-2", [r("CO_RAE")]);
const dpd = p("dpd", [r("GL", AS)], true);
const coGlAs = p("co-gl", [r("CO_GL", AS)]);
const coGlAs2 = p("co-gl-2", [r("CO_GL", AS)]);
const glOnss = p("gl-onss", [r("GL", ONSS)]);
const tech = p("tech", [r("TECHNICAL_USER", AS)]);
const subManager = p("sub", [r("SUBDIVISION_MANAGER", AS, SUB)]);
const user = p("user", []);

describe("outranks (one scope)", () => {
  const cases: [string, Standing, Standing, { qualityId?: string; subdivisionId?: string }, boolean][] = [
    ["RAE → co-RAE (seed: the RAE blocks a co-RAE)", rae, coRae, {}, true],
    ["co-RAE → RAE (finding 2)", coRae, rae, {}, false],
    ["co-RAE → another co-RAE (equal)", coRae, coRae2, {}, false],
    ["co-RAE → DPD (the RAE level designates and changes the GL)", coRae, dpd, { qualityId: AS }, true],
    ["GL (DPD) → co-GL of its quality (seed: « Nommer/supprimer co-GL »)", dpd, coGlAs, { qualityId: AS }, true],
    ["co-GL → its GL, the DPD (finding 2)", coGlAs, dpd, { qualityId: AS }, false],
    ["co-GL → another co-GL (equal)", coGlAs, coGlAs2, { qualityId: AS }, false],
    ["co-GL → technical user of the quality", coGlAs, tech, { qualityId: AS }, true],
    // The DPD holds no role in ONSS: its GL may grant them a Chaman right there (but never block them, below).
    ["GL of ONSS → DPD, in ONSS", glOnss, dpd, { qualityId: ONSS }, true],
    ["GL of ONSS → DPD, at entity level", glOnss, dpd, {}, false],
    ["co-GL of AS → DPD, in AS (its GL)", coGlAs, dpd, { qualityId: AS }, false],
    ["GL of ONSS → RAE, in ONSS (finding 2)", glOnss, rae, { qualityId: ONSS }, false],
    ["GL of ONSS → plain user, in ONSS", glOnss, user, { qualityId: ONSS }, true],
    ["GL of ONSS → co-GL of AS, in AS (another quality's manager)", glOnss, coGlAs, { qualityId: AS }, false],
    ["subdivision manager → user, in the subdivision", subManager, user, { qualityId: AS, subdivisionId: SUB }, true],
    ["subdivision manager → co-GL, in the subdivision", subManager, coGlAs, { qualityId: AS, subdivisionId: SUB }, false],
    ["subdivision manager → user, outside the subdivision", subManager, user, { qualityId: AS }, false],
    ["plain user → plain user", user, p("user-2", []), { qualityId: AS }, false],
  ];
  it.each(cases)("%s", (_label, actor, target, scope, expected) => {
    expect(outranks(actor, target, scope)).toBe(expected);
  });
  it("lets peers act on peers only where seed 003 names both (co-RAE on co-RAE, co-GL on co-GL)", () => {
    expect(outranks(coRae, coRae2, {}, { peers: true })).toBe(true);
    expect(outranks(coGlAs, coGlAs2, { qualityId: AS }, { peers: true })).toBe(true);
    expect(outranks(coRae, rae, {}, { peers: true })).toBe(false);
    expect(outranks(coGlAs, dpd, { qualityId: AS }, { peers: true })).toBe(false);
    expect(outranks(p("tech-2", [r("TECHNICAL_USER", AS)]), tech, { qualityId: AS }, { peers: true })).toBe(false);
    expect(outranks(user, p("user-2", []), { qualityId: AS }, { peers: true })).toBe(false);
  });
  it("gives no rank for a quality role on a deactivated quality", () => {
    const gl = { ...p("gl", [r("GL", "q-off")]), activeQualityIds: new Set<string>() };
    expect(outranks(gl, user, { qualityId: "q-off" })).toBe(false);
  });
});

describe("outranksEverywhere (blocking ends all of a person's access)", () => {
  it("lets a GL block a plain user but not a person who also holds a role elsewhere", () => {
    expect(outranksEverywhere(glOnss, user)).toBe(true);
    // A right granted in ONSS does not pull the DPD into the ONSS GL's reach (finding 2).
    expect(outranksEverywhere(glOnss, dpd)).toBe(false);
    expect(outranksEverywhere(glOnss, rae)).toBe(false);
  });
  it("lets the RAE block anyone below, and nobody block the RAE", () => {
    for (const t of [coRae, dpd, coGlAs, glOnss, tech, subManager, user]) expect(outranksEverywhere(rae, t)).toBe(true);
    for (const a of [coRae, dpd, coGlAs, glOnss]) expect(outranksEverywhere(a, rae)).toBe(false);
  });
  it("refuses a co-GL blocking its GL and a co-RAE blocking the RAE", () => {
    expect(outranksEverywhere(coGlAs, dpd)).toBe(false);
    expect(outranksEverywhere(coRae, rae)).toBe(false);
  });
});
