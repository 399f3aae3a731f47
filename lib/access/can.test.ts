import { describe, expect, it } from "vitest";

import type { Actor } from "./actor";
import { applicationResource, canUseApplication } from "./application-scope";
import { can, canAnywhere } from "./can";

// Expectations written from seed 003 and ../shared/DOMAIN.md (« Rights live in a quality »), not
// from permissions.ts: each case names the sentence it comes from.

const E = "entity-1";
const OTHER = "entity-2";
const AS = "quality-as"; // Action Sociale: where the CPAS applications live
const ONSS = "quality-onss"; // Employeur ONSS: where Chaman (« Gestion des canaux techniques ») lives
const PPL = "quality-ppl"; // Employeur PPL, deactivated
const QUALITIES: Actor["qualities"] = [
  { id: AS, type: "ACTION_SOCIALE", isActive: true },
  { id: ONSS, type: "EMPLOYEUR_ONSS", isActive: true },
  { id: PPL, type: "EMPLOYEUR_PPL", isActive: false },
];

function actor(partial: Partial<Actor>): Actor {
  return {
    personId: "p",
    sessionId: "s",
    entityId: E,
    entityKind: "CPAS",
    entityName: "CPAS de test",
    sessionIdleSeconds: 900,
    language: "fr",
    firstName: "A",
    lastName: "B",
    email: "a@b.be",
    isDpd: false,
    roles: [],
    rights: [],
    qualities: QUALITIES,
    ...partial,
  };
}
const role = (r: Actor["roles"][number]["role"], qualityId: string | null = null, subdivisionId: string | null = null) => ({
  role: r,
  qualityId,
  subdivisionId,
});

const rae = actor({ roles: [role("RAE")] });
const dpd = actor({ roles: [role("GL", AS)], isDpd: true });
const glOnss = actor({ roles: [role("GL", ONSS)] });
const coGlOnss = actor({ roles: [role("CO_GL", ONSS)] });
const agent = actor({ rights: [{ code: "AGENT_SOCIAL", qualityId: AS }] });
const agentUnderOnss = actor({ rights: [{ code: "AGENT_SOCIAL", qualityId: ONSS }] });
const channelsUnderAs = actor({ rights: [{ code: "GESTION_CANAUX_TECHNIQUES", qualityId: AS }] });
const glOfDeactivated = actor({ roles: [role("GL", PPL)] });
const nobody = actor({});

describe("can", () => {
  it("denies a null actor, an unknown action and a missing entity", () => {
    expect(can(null, "entity.view", { entityId: E })).toBe(false);
    expect(can(rae, "nope" as never, { entityId: E })).toBe(false);
    expect(can(rae, "entity.view", { entityId: "" })).toBe(false);
  });
  it("scopes everything to the actor's entity", () => {
    expect(can(rae, "entity.view", { entityId: E })).toBe(true);
    expect(can(rae, "entity.view", { entityId: OTHER })).toBe(false);
    expect(can(agent, "app.agent_social", { entityId: OTHER, qualityId: AS })).toBe(false);
  });
  it("never reads a missing quality as 'any quality' (issue 9, finding 1)", () => {
    expect(can(agent, "app.agent_social", { entityId: E })).toBe(false);
    expect(can(dpd, "app.c607", { entityId: E })).toBe(false);
    expect(can(dpd, "quality.manage_users", { entityId: E })).toBe(false);
  });
  it("gives the RAE no application (seed 003: « Pas accès aux applications »)", () => {
    expect(can(rae, "app.agent_social", { entityId: E, qualityId: AS })).toBe(false);
    expect(canAnywhere(rae, "app.rapport_unique")).toBe(false);
    expect(canUseApplication(rae, "app.c607")).toBe(false);
  });
  it("limits the GL to their quality, and opens the applications that live in it (seed 003)", () => {
    expect(can(dpd, "quality.manage_users", { entityId: E, qualityId: AS })).toBe(true);
    expect(can(dpd, "quality.manage_users", { entityId: E, qualityId: ONSS })).toBe(false);
    expect(can(dpd, "app.agent_social", { entityId: E, qualityId: AS })).toBe(true);
    expect(can(dpd, "entity.designate_gl", { entityId: E })).toBe(false);
  });
  it("gives the GL and co-GL of Employeur ONSS none of the CPAS applications (finding 1)", () => {
    for (const who of [glOnss, coGlOnss]) {
      expect(can(who, "app.c607", { entityId: E, qualityId: ONSS })).toBe(false);
      expect(can(who, "app.agent_social", { entityId: E, qualityId: ONSS })).toBe(false);
      expect(can(who, "app.file_exchange", { entityId: E, qualityId: ONSS })).toBe(false);
      expect(can(who, "app.rapport_unique", { entityId: E, qualityId: ONSS })).toBe(false);
      expect(canAnywhere(who, "app.c607")).toBe(false);
      expect(canUseApplication(who, "app.c607")).toBe(false);
      expect(canUseApplication(who, "app.agent_social")).toBe(false);
      expect(canUseApplication(who, "app.file_exchange")).toBe(false);
      // … but the GL/co-GL of Employeur ONSS reach its Chaman (seed 004).
      expect(can(who, "quality.manage_channels", { entityId: E, qualityId: ONSS })).toBe(true);
    }
  });
  it("gives nothing for a right granted under a quality where its application does not live", () => {
    expect(canAnywhere(agentUnderOnss, "app.c607")).toBe(false);
    expect(can(agentUnderOnss, "app.agent_social", { entityId: E, qualityId: ONSS })).toBe(false);
    expect(canAnywhere(channelsUnderAs, "quality.manage_channels")).toBe(false);
    expect(can(channelsUnderAs, "quality.manage_channels", { entityId: E, qualityId: AS })).toBe(false);
  });
  it("gives nothing for a GL role on a deactivated quality", () => {
    expect(can(glOfDeactivated, "quality.manage_users", { entityId: E, qualityId: PPL })).toBe(false);
    expect(can(glOfDeactivated, "quality.view", { entityId: E, qualityId: PPL })).toBe(false);
  });
  it("ignores a quality that is not the actor's entity's", () => {
    const forged = actor({ roles: [role("GL", "quality-elsewhere")] });
    expect(can(forged, "quality.manage_users", { entityId: E, qualityId: "quality-elsewhere" })).toBe(false);
  });
  it("opens an application to a right holder only", () => {
    expect(can(agent, "app.agent_social", { entityId: E, qualityId: AS })).toBe(true);
    expect(can(agent, "app.rapport_unique", { entityId: E, qualityId: AS })).toBe(false);
    expect(can(nobody, "app.agent_social", { entityId: E, qualityId: AS })).toBe(false);
  });
  it("opens the security log to the DPD and the security advisor", () => {
    expect(canUseApplication(dpd, "app.security_log")).toBe(true);
    expect(canUseApplication(actor({ rights: [{ code: "CONSEILLER_SECURITE", qualityId: AS }] }), "app.security_log")).toBe(true);
    expect(canUseApplication(agent, "app.security_log")).toBe(false);
    // A (co-)GL reaches the quality's applications, but not the security log: it needs the right itself.
    const coGl = actor({ roles: [role("CO_GL", AS)] });
    expect(canUseApplication(coGl, "app.agent_social")).toBe(true);
    expect(canUseApplication(coGl, "app.security_log")).toBe(false);
  });
  it("opens the ONEM queue to ONEM collaborators only, not to every member of ONEM", () => {
    const onem = { entityKind: "ONEM" as const, qualities: [] };
    expect(canUseApplication(actor({ ...onem, roles: [role("ONEM_COLLABORATOR")] }), "app.c607.onem")).toBe(true);
    expect(canUseApplication(actor(onem), "app.c607.onem")).toBe(false);
    expect(canUseApplication(agent, "app.c607.onem")).toBe(false);
  });
  it("resolves the centre's application to the quality where it lives", () => {
    expect(applicationResource(agent, "app.c607")).toEqual({ entityId: E, qualityId: AS });
    expect(applicationResource(glOnss, "quality.manage_channels")).toEqual({ entityId: E, qualityId: ONSS });
    expect(applicationResource(actor({ qualities: [] }), "app.c607")).toBeNull();
  });
  it("lets only the technical user of Action Sociale hold C60.7 API tokens", () => {
    expect(canAnywhere(actor({ roles: [role("TECHNICAL_USER", AS)] }), "app.c607.api_token")).toBe(true);
    expect(canAnywhere(actor({ roles: [role("TECHNICAL_USER", ONSS)] }), "app.c607.api_token")).toBe(false);
  });
});
