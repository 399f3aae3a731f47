import { describe, expect, it } from "vitest";

import type { Actor } from "./actor";
import { can, canAnywhere } from "./can";

const E = "entity-1";
const OTHER = "entity-2";
const Q = "quality-as";
const Q2 = "quality-onss";

function actor(partial: Partial<Actor>): Actor {
  return {
    personId: "p",
    sessionId: "s",
    entityId: E,
    entityKind: "CPAS",
    entityName: "CPAS de test",
    sessionIdleSeconds: 900,
    firstName: "A",
    lastName: "B",
    email: "a@b.be",
    isDpd: false,
    roles: [],
    rights: [],
    ...partial,
  };
}

const rae = actor({ roles: [{ role: "RAE", qualityId: null, subdivisionId: null }] });
const gl = actor({ roles: [{ role: "GL", qualityId: Q, subdivisionId: null }], isDpd: true });
const agent = actor({ rights: [{ code: "AGENT_SOCIAL", qualityId: Q }] });
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
    expect(can(agent, "app.agent_social", { entityId: OTHER, qualityId: Q })).toBe(false);
  });
  it("gives the RAE no application (seed 003)", () => {
    expect(can(rae, "app.agent_social", { entityId: E, qualityId: Q })).toBe(false);
    expect(canAnywhere(rae, "app.rapport_unique")).toBe(false);
  });
  it("limits the GL to their quality, but opens its applications", () => {
    expect(can(gl, "quality.manage_users", { entityId: E, qualityId: Q })).toBe(true);
    expect(can(gl, "quality.manage_users", { entityId: E, qualityId: Q2 })).toBe(false);
    expect(can(gl, "app.agent_social", { entityId: E, qualityId: Q })).toBe(true);
    expect(can(gl, "entity.designate_gl", { entityId: E })).toBe(false);
  });
  it("opens an application to a right holder only", () => {
    expect(can(agent, "app.agent_social", { entityId: E, qualityId: Q })).toBe(true);
    expect(can(agent, "app.rapport_unique", { entityId: E })).toBe(false);
    expect(can(nobody, "app.agent_social", { entityId: E, qualityId: Q })).toBe(false);
  });
  it("opens the security log to the DPD and the security advisor", () => {
    expect(canAnywhere(gl, "app.security_log")).toBe(true);
    expect(canAnywhere(actor({ rights: [{ code: "CONSEILLER_SECURITE", qualityId: Q }] }), "app.security_log")).toBe(true);
    expect(canAnywhere(agent, "app.security_log")).toBe(false);
    // A (co-)GL reaches the quality's applications, but not the security log: it needs the right itself.
    const coGl = actor({ roles: [{ role: "CO_GL", qualityId: Q, subdivisionId: null }] });
    expect(canAnywhere(coGl, "app.agent_social")).toBe(true);
    expect(canAnywhere(coGl, "app.security_log")).toBe(false);
  });
  it("opens the ONEM queue to ONEM collaborators only", () => {
    expect(canAnywhere(actor({ entityKind: "ONEM" }), "app.c607.onem")).toBe(true);
    expect(canAnywhere(agent, "app.c607.onem")).toBe(false);
  });
});
