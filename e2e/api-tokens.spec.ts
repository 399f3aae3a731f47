import { createHash, randomUUID } from "node:crypto";

import { expect, request as playwrightRequest, test } from "@playwright/test";

import { E2E_BASE_URL } from "./fixtures/e2e-env";
import { createCentre, createPerson, db, ensureGrant, ensureRole } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

// Personal API tokens (issue 4): a technical user who also holds Agent social creates a token in
// /jetons, a script without any cookie calls the C60.7 API with it, then the token is revoked.

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const iso = (d: Date) => d.toISOString().slice(0, 10);

function sampleContent() {
  const start = new Date(Date.now() + 40 * 86_400_000);
  return {
    worker: { niss: "85.07.30-033.28", firstName: "Jean", lastName: "Dupont" },
    contract: { start: iso(start), plannedEnd: iso(new Date(start.getTime() + 300 * 86_400_000)), regime: "FULL_TIME", daysPerWeek: 5 },
    employmentPeriods: [{ employer: "Boulangerie Lambert", country: "BE", from: "2025-01-01", to: "2025-06-30", regime: "FULL_TIME" }],
    assimilatedPeriods: [],
  };
}

test("a technical user creates a token, a script uses it without cookie, a revoked token is refused", async ({ browser }) => {
  const { entity, quality } = await createCentre();
  const tech = await createPerson({ entityId: entity.id, label: "technique" });
  await ensureRole({ personId: tech.id, role: "TECHNICAL_USER", entityId: entity.id, qualityId: quality.id });
  await ensureGrant({ personId: tech.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });

  // 1. The page creates the token and shows it once, with a copy button.
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: E2E_BASE_URL });
  const page = await context.newPage();
  await signIn(page, tech);
  await page.goto("/jetons");
  await expect(page.getByRole("heading", { level: 1, name: "Jetons d'API" })).toBeVisible();
  await page.getByLabel("Nom du jeton").fill("Logiciel social");
  await page.getByRole("button", { name: "Créer le jeton" }).click();
  const shown = page.getByTestId("nouveau-jeton");
  await expect(shown).toHaveText(/^cpas_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent())!;
  await page.getByRole("button", { name: "Copier le jeton" }).click();
  await expect(page.getByText("Copié dans le presse-papiers.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  const row = page.getByTestId("jeton").filter({ hasText: "Logiciel social" });
  await expect(row.getByTestId("etat-jeton")).toHaveText("Actif");
  // Only the hash is stored; the creation is audited without the secret.
  const stored = await db.apiToken.findFirstOrThrow({ where: { personId: tech.id } });
  expect(stored.tokenHash).toBe(sha256(token));
  const created = await db.auditEvent.findFirstOrThrow({ where: { action: "api_token.created", targetId: stored.id } });
  expect(JSON.stringify(created.after)).not.toContain(token.slice(5));
  // Shown once: a reload no longer has it.
  await page.reload();
  await expect(page.getByTestId("nouveau-jeton")).toHaveCount(0);

  // 2. A script without cookie (no Origin either) lists, creates and sends with the token.
  const api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  const auth = { Authorization: `Bearer ${token}` };
  const list = await api.get("/api/c607/requests", { headers: auth });
  expect(list.status()).toBe(200);
  expect(await list.json()).toMatchObject({ side: "CPAS" });
  const post = await api.post("/api/c607/requests", { headers: auth, data: { clientKey: randomUUID(), content: sampleContent() } });
  expect(post.status()).toBe(201);
  const { id, version, reference } = (await post.json()) as { id: string; version: number; reference: string };
  const send = await api.post(`/api/c607/requests/${id}/send`, { headers: auth, data: { version } });
  expect(send.status()).toBe(200);
  expect(await db.c607Request.findUniqueOrThrow({ where: { id } })).toMatchObject({ entityId: entity.id, status: "SENT", reference });
  const trail = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });
  expect(trail.map((e) => [e.action, e.actorId])).toEqual([
    ["c607.created", tech.id],
    ["c607.sent", tech.id],
  ]);
  await page.reload();
  await expect(row.getByRole("cell").nth(2)).not.toHaveText("—");

  // 3. A wrong token is refused, with a French message and the Bearer challenge.
  const wrong = await api.get("/api/c607/requests", { headers: { Authorization: `Bearer cpas_${"x".repeat(43)}` } });
  expect(wrong.status()).toBe(401);
  expect(wrong.headers()["www-authenticate"]).toMatch(/^Bearer/);
  const body = (await wrong.json()) as { code: string; erreur: string };
  expect(body.code).toBe("UNAUTHENTICATED");
  expect(body.erreur).toContain("Jeton d'API");

  // 4. Revoked in the page: the next call is a 401.
  await row.getByRole("button", { name: "Révoquer" }).click();
  await expect(page.getByTestId("confirmation")).toContainText("Jeton révoqué");
  await expect(row.getByTestId("etat-jeton")).toHaveText(/^Révoqué le/);
  const revoked = await api.get("/api/c607/requests", { headers: auth });
  expect(revoked.status()).toBe(401);
  expect(await db.auditEvent.count({ where: { action: "api_token.revoked", targetId: stored.id, actorId: tech.id } })).toBe(1);
  await api.dispose();
  await context.close();
});

test("the page is not there for someone who is not a technical user", async ({ page }) => {
  const { entity, quality } = await createCentre();
  const agent = await createPerson({ entityId: entity.id, label: "agent" });
  await ensureGrant({ personId: agent.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
  await signIn(page, agent);
  const res = await page.goto("/jetons");
  expect(res?.status()).toBe(404);
});
