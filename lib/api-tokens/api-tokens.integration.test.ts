import { afterAll, describe, expect, it } from "vitest";

import { GET as getRequest } from "@/app/api/c607/requests/[id]/route";
import { POST as sendRoute } from "@/app/api/c607/requests/[id]/send/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/c607/requests/route";
import { createRequest } from "@/lib/c607/requests";
import { cpasAgent, newKey, sampleContent } from "@/lib/c607/requests/test-fixtures";
import { db } from "@/lib/db/client";
import { RATE_LIMITS } from "@/lib/security/rate-limit";

import { registerFailure } from "@/lib/auth/sign-in/register-failure";
import { stopAllAccess } from "@/lib/auth/stop-all-access";
import { endPersonSessions } from "@/lib/sessions/end-person-sessions";
import { createPerson } from "@/tests/fixtures/people";

import { authenticateApiToken, createApiToken, listMyApiTokens, resumeApiToken, revokeApiToken } from ".";
import { meta, sessionActorOf, technicalUser } from "./test-fixtures";
import { hashApiToken } from "./token-format";

afterAll(() => db.$disconnect());

const BASE = "http://127.0.0.1:3000/api/c607/requests";
const bearer = (token: string) => ({ authorization: `Bearer ${token}`, "user-agent": "script-jetons" });
const noParams = { params: Promise.resolve({} as Record<string, never>) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const newToken = async (actor: Awaited<ReturnType<typeof technicalUser>>["actor"], name = "Script de test") => createApiToken({ actor, meta, input: { name } });
const postJson = (url: string, token: string, body: unknown) =>
  new Request(url, { method: "POST", headers: { ...bearer(token), "content-type": "application/json" }, body: JSON.stringify(body) });

describe("personal API tokens", () => {
  it("creates a token shown once and stored as a hash, audited; lists, authenticates, revokes", async () => {
    const tech = await technicalUser({ agentSocial: true });
    const created = await newToken(tech.actor, "Logiciel social");
    expect(created.token).toMatch(/^cpas_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(5));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "api_token.created", targetId: created.id } });
    expect(audit).toMatchObject({ actorId: tech.personId, entityId: tech.entityId, ip: meta.ip, after: { name: "Logiciel social" } });
    expect(JSON.stringify({ before: audit.before, after: audit.after })).not.toContain(created.token.slice(5));

    const [listed] = await listMyApiTokens(tech.actor);
    expect(listed).toMatchObject({ id: created.id, name: "Logiciel social", lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);

    const now = new Date();
    const actor = await authenticateApiToken({ token: created.token, meta, now });
    expect(actor).toMatchObject({ personId: tech.personId, entityId: tech.entityId, sessionId: `api-token:${created.id}` });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(now);
    // lastUsedAt moves at most once a minute.
    await authenticateApiToken({ token: created.token, meta, now: new Date(now.getTime() + 30_000) });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(now);
    const later = new Date(now.getTime() + 61_000);
    await authenticateApiToken({ token: created.token, meta, now: later });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(later);

    // Someone else cannot revoke it; its holder can, once, audited; it is then refused.
    const other = await technicalUser({ entityId: tech.entityId, qualityId: tech.qualityId });
    await expect(revokeApiToken({ actor: other.actor, meta, tokenId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await revokeApiToken({ actor: tech.actor, meta, tokenId: created.id });
    await expect(revokeApiToken({ actor: tech.actor, meta, tokenId: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { action: "api_token.revoked", targetId: created.id, actorId: tech.personId } })).toBe(1);
    await expect(authenticateApiToken({ token: created.token, meta })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await listMyApiTokens(tech.actor))[0]!.revokedAt).not.toBeNull();
  });

  it("only technical users create tokens, never with a token, and at most 10 active", async () => {
    const agent = await cpasAgent();
    await expect(createApiToken({ actor: agent.ctx.actor, meta, input: { name: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const tech = await technicalUser();
    const first = await newToken(tech.actor);
    const tokenActor = await authenticateApiToken({ token: first.token, meta });
    await expect(createApiToken({ actor: tokenActor, meta, input: { name: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await Promise.all(Array.from({ length: 12 }, (_, i) => newToken(tech.actor, `n${i}`).catch((e: unknown) => e)));
    expect(await db.apiToken.count({ where: { personId: tech.personId, revokedAt: null } })).toBe(10);
  });

  it("refuses a token whose holder is blocked or no longer a technical user (401)", async () => {
    const blocked = await technicalUser({ agentSocial: true });
    const t1 = await newToken(blocked.actor);
    await db.person.update({ where: { id: blocked.personId }, data: { status: "BLOCKED" } });
    const res = await listRoute(new Request(BASE, { headers: bearer(t1.token) }), noParams);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await res.json()) as { erreur: string }).toMatchObject({ code: "UNAUTHENTICATED", erreur: expect.stringMatching(/Jeton d'API/) as string });

    const demoted = await technicalUser({ agentSocial: true });
    const t2 = await newToken(demoted.actor);
    expect((await listRoute(new Request(BASE, { headers: bearer(t2.token) }), noParams)).status).toBe(200);
    await db.roleAssignment.updateMany({ where: { personId: demoted.personId, role: "TECHNICAL_USER" }, data: { revokedAt: new Date() } });
    expect((await listRoute(new Request(BASE, { headers: bearer(t2.token) }), noParams)).status).toBe(401);
  });
});

describe("the C60.7 API with a Bearer token", () => {
  it("lists, creates and sends without cookie or Origin; the request is audited under the holder", async () => {
    const tech = await technicalUser({ agentSocial: true });
    const { token } = await newToken(tech.actor);
    const list = await listRoute(new Request(BASE, { headers: bearer(token) }), noParams);
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ side: "CPAS", total: 0 });

    const clientKey = newKey();
    const created = await createRoute(postJson(BASE, token, { clientKey, content: sampleContent() }), noParams);
    expect(created.status).toBe(201);
    const { id, version } = (await created.json()) as { id: string; version: number };
    expect((await createRoute(postJson(BASE, token, { clientKey, content: sampleContent() }), noParams)).status).toBe(200);
    const sent = await sendRoute(postJson(`${BASE}/${id}/send`, token, { version }), idParams(id));
    expect(sent.status).toBe(200);
    const stored = await db.c607Request.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ entityId: tech.entityId, status: "SENT" });
    const events = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["c607.created", "c607.sent"]);
    expect(events.every((e) => e.actorId === tech.personId && e.userAgent === "script-jetons")).toBe(true);
  });

  it("a state change with a session but without Origin is still refused (CSRF); Bearer takes precedence over the cookie", async () => {
    // Without Authorization the session path runs, and its Origin check comes first.
    const res = await createRoute(new Request(BASE, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), noParams);
    expect(res.status).toBe(403);
    // A malformed Bearer header is a 401, never a fallback to the cookie.
    const bad = await listRoute(new Request(BASE, { headers: { authorization: "Bearer pas-un-jeton", cookie: "next-auth.session-token=x" } }), noParams);
    expect(bad.status).toBe(401);
    const unknown = await listRoute(new Request(BASE, { headers: bearer(`cpas_${"A".repeat(43)}`) }), noParams);
    expect(unknown.status).toBe(401);
  });

  it("needs the holder's own C60.7 right: a technical user without Agent social gets 403", async () => {
    const tech = await technicalUser();
    const { token } = await newToken(tech.actor);
    expect((await listRoute(new Request(BASE, { headers: bearer(token) }), noParams)).status).toBe(403);
    const created = await createRoute(postJson(BASE, token, { clientKey: newKey(), content: sampleContent() }), noParams);
    expect(created.status).toBe(403);
    // The refusal does not depend on the body: a malformed or invalid one gets the same 403, not a 400.
    const malformed = new Request(BASE, { method: "POST", headers: { ...bearer(token), "content-type": "application/json" }, body: "{" });
    expect((await createRoute(malformed, noParams)).status).toBe(403);
    expect((await createRoute(postJson(BASE, token, { clientKey: 1 }), noParams)).status).toBe(403);
  });

  it("a revoked token gets 401", async () => {
    const tech = await technicalUser({ agentSocial: true });
    const t = await newToken(tech.actor);
    expect((await listRoute(new Request(BASE, { headers: bearer(t.token) }), noParams)).status).toBe(200);
    await revokeApiToken({ actor: tech.actor, meta, tokenId: t.id });
    expect((await listRoute(new Request(BASE, { headers: bearer(t.token) }), noParams)).status).toBe(401);
  });

  it("is rate-limited per token: past the limit 429, other tokens unaffected", async () => {
    const tech = await technicalUser({ agentSocial: true });
    const busy = await newToken(tech.actor, "occupé");
    const calm = await newToken(tech.actor, "calme");
    // Fill the bucket up to the limit rather than making 600 calls.
    await db.rateLimitBucket.create({
      data: { key: `api-token:${busy.id}`, count: RATE_LIMITS.apiPerToken.limit, windowStart: new Date(), expiresAt: new Date(Date.now() + 60_000) },
    });
    const res = await listRoute(new Request(BASE, { headers: bearer(busy.token) }), noParams);
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect((await listRoute(new Request(BASE, { headers: bearer(calm.token) }), noParams)).status).toBe(200);
  });

  it("a token of another centre cannot read this centre's request (404), nor list it", async () => {
    const here = await cpasAgent();
    const request = await createRequest({ ctx: here.ctx, input: { clientKey: newKey(), content: sampleContent() } });
    const elsewhere = await technicalUser({ agentSocial: true });
    const { token } = await newToken(elsewhere.actor);
    const res = await getRequest(new Request(`${BASE}/${request.id}`, { headers: bearer(token) }), idParams(request.id));
    expect(res.status).toBe(404);
    const list = (await (await listRoute(new Request(BASE, { headers: bearer(token) }), noParams)).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(request.id);
    // The same centre's technical user reads it.
    const local = await technicalUser({
      agentSocial: true,
      entityId: here.entityId,
      qualityId: (await db.quality.findFirstOrThrow({ where: { entityId: here.entityId } })).id,
    });
    const mine = await newToken(local.actor);
    expect((await getRequest(new Request(`${BASE}/${request.id}`, { headers: bearer(mine.token) }), idParams(request.id))).status).toBe(200);
  });
});

// Issue 9, finding 6: after the DPD ended all of a person's sessions, and while the person was
// locked out, their Bearer token still read C60.7 requests. The token must stop with the person.
describe("a token stops with its holder's access", () => {
  const list = (token: string) => listRoute(new Request(BASE, { headers: bearer(token) }), noParams);

  it("the DPD ends all sessions of the holder: the token is revoked and /jetons says why", async () => {
    const tech = await technicalUser({ agentSocial: true });
    const t = await newToken(tech.actor);
    expect((await list(t.token)).status).toBe(200);
    const dpdPerson = await createPerson(tech.entityId, { label: "dpd" });
    await db.entity.update({ where: { id: tech.entityId }, data: { dpdPersonId: dpdPerson.id } });
    const dpd = await sessionActorOf(dpdPerson.id);
    const email = (await db.person.findUniqueOrThrow({ where: { id: tech.personId } })).email;

    expect(await endPersonSessions({ actor: dpd, meta, personEmail: email })).toMatchObject({ tokens: 1 });
    expect((await list(t.token)).status).toBe(401);
    const [row] = await listMyApiTokens(await sessionActorOf(tech.personId));
    expect(row!.state).toMatchObject({ kind: "revoked", reason: "fermée par le DPD" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "session.person_sessions_ended", targetId: tech.personId } });
    expect(event.after).toMatchObject({ sessions: 1, apiAccess: 1 });
  });

  it("while the holder is locked out the token is refused; once the lock has ended it works again", async () => {
    const tech = await technicalUser({ agentSocial: true });
    const t = await newToken(tech.actor);
    // LOGIN_MAX_FAILURES is 3 in the integration run: three wrong passwords lock the account.
    for (let i = 0; i < 3; i++) await registerFailure({ personId: tech.personId, ctx: { actorId: tech.personId, entityId: tech.entityId }, reason: "test" });
    const { lockedUntil } = await db.person.findUniqueOrThrow({ where: { id: tech.personId } });
    expect(lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect((await list(t.token)).status).toBe(401);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(stored).toMatchObject({ revokedAt: null, suspendedReason: "compte verrouillé", suspendedUntil: lockedUntil });

    // After the lock: the same token is accepted again (a lockout is temporary, so is the suspension).
    const afterLock = new Date(lockedUntil!.getTime() + 1000);
    await expect(authenticateApiToken({ token: t.token, meta, now: afterLock })).resolves.toMatchObject({ personId: tech.personId });
  });

  it("a lock written by any path is enough: the holder's state is read on every call", async () => {
    const tech = await technicalUser({ agentSocial: true });
    const t = await newToken(tech.actor);
    await db.person.update({ where: { id: tech.personId }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    expect((await list(t.token)).status).toBe(401);
    await db.person.update({ where: { id: tech.personId }, data: { lockedUntil: null, status: "BLOCKED" } });
    expect((await list(t.token)).status).toBe(401);
  });

  it("a block suspends the tokens until the holder, back and signed in, resumes one from /jetons", async () => {
    const tech = await technicalUser({ agentSocial: true });
    const t = await newToken(tech.actor);
    const other = await newToken(tech.actor, "autre");
    await db.$transaction(async (tx) => {
      await tx.person.update({ where: { id: tech.personId }, data: { status: "BLOCKED" } });
      expect(await stopAllAccess(tx, { personId: tech.personId, reason: "compte bloqué", kind: "blocked" })).toMatchObject({ tokens: 2, sessions: 1 });
    });
    expect((await list(t.token)).status).toBe(401);
    // Unblocked: still suspended, and the page says so.
    await db.person.update({ where: { id: tech.personId }, data: { status: "ACTIVE" } });
    expect((await list(t.token)).status).toBe(401);
    const back = await sessionActorOf(tech.personId);
    const states = await listMyApiTokens(back);
    expect(states.map((x) => x.state)).toEqual([
      expect.objectContaining({ kind: "suspended", until: null, reason: "compte bloqué" }),
      expect.objectContaining({ kind: "suspended", until: null, reason: "compte bloqué" }),
    ]);
    // A token cannot resume itself; the holder's session can, once, audited.
    await resumeApiToken({ actor: back, meta, tokenId: t.id });
    await expect(resumeApiToken({ actor: back, meta, tokenId: t.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await list(t.token)).status).toBe(200);
    expect((await list(other.token)).status).toBe(401);
    const tokenActor = await authenticateApiToken({ token: t.token, meta });
    await expect(resumeApiToken({ actor: tokenActor, meta, tokenId: other.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditEvent.count({ where: { action: "api_token.resumed", targetId: t.id, actorId: tech.personId } })).toBe(1);
  });
});
