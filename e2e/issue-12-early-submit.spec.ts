import { expect, test, type Page } from "@playwright/test";

import { createCentre, createInvitation, createPerson, db } from "./fixtures/data";
import { linkIn, mailsTo, mailTo } from "./fixtures/mailbox";
import { signIn } from "./fixtures/sign-in";

// Issue 12 leftover: a one-time link's form (password reset, invitation) submitted before the page
// is hydrated — a slow PC, a busy server. The browser then posts the form itself (React's progressive
// enhancement of the server action: one POST without Next-Action header, no replay after
// hydration); the page the portal answered with used to look the link up again, find it used by that
// very post and say « lien plus valable » although the password had been set (both tests failed so
// before the fix). Here the page's scripts are held until the form is sent, so the submission is
// always the browser's own, and the test checks what the person sees and what the database holds.

/** Holds the page's JavaScript (Next's chunks) until `release()` is called: the page shows, unhydrated. */
async function holdScripts(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route(
    (url) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js"),
    async (route) => {
      held.push(route.request().url());
      await released;
      await route.continue();
    },
  );
  return { release, held };
}

test("password reset: the form sent before hydration sets the password once and says so", async ({ page }) => {
  test.setTimeout(120_000);
  const { entity } = await createCentre();
  const person = await createPerson({ entityId: entity.id, label: "lent" });

  await page.goto("/mot-de-passe-oublie");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Adresse e-mail").fill(person.email);
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByTestId("confirmation")).toContainText("Si cette adresse est celle d'un compte actif");
  const link = linkIn(await mailTo(person.email, /^Réinitialiser votre mot de passe/), "/mot-de-passe-oublie/");

  const scripts = await holdScripts(page);
  await page.goto(link, { waitUntil: "domcontentloaded" });
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("Lent-Nouveau-2026!");
  await page.getByLabel("Confirmez le mot de passe").fill("Lent-Nouveau-2026!");
  expect(scripts.held.length).toBeGreaterThan(0); // the page is not hydrated: the browser posts the form
  await page.getByRole("button", { name: "Changer mon mot de passe" }).click();
  scripts.release();

  // The answer is the sign-in page saying so (post/redirect/get), whatever the page's state when sent.
  await expect(page.getByTestId("confirmation")).toContainText("Votre mot de passe est changé");
  await expect(page).toHaveURL(/\/login\?raison=mot-de-passe-change$/);
  await expect(page.getByTestId("alerte")).toHaveCount(0);

  const reset = await db.passwordReset.findFirstOrThrow({ where: { personId: person.id } });
  const saved = await db.person.findUniqueOrThrow({ where: { id: person.id } });
  expect(reset.usedAt).not.toBeNull();
  expect(saved.passwordChangedAt?.getTime()).toBe(reset.usedAt!.getTime());
  expect(await db.auditEvent.count({ where: { targetId: person.id, action: "auth.password_reset" } })).toBe(1);
  await mailTo(person.email, /^Votre mot de passe a été changé/);
  expect((await mailsTo(person.email)).filter((m) => /^Votre mot de passe a été changé/.test(m.parsed.subject ?? ""))).toHaveLength(1);

  // The link stays single-use, and the new password is the one that opens the account.
  await page.goto(link);
  await expect(page.getByTestId("alerte")).toContainText("n'est plus valable");
  await signIn(page, { ...person, password: "Lent-Nouveau-2026!" });
});

test("invitation: the form sent before hydration activates the account once and says so", async ({ page }) => {
  test.setTimeout(90_000);
  const { entity, quality } = await createCentre();
  const inviter = await createPerson({ entityId: entity.id, label: "gl" });
  const email = `invite-lent-${Date.now()}@test.cpas.be`;
  const { person, token } = await createInvitation({
    entityId: entity.id,
    qualityId: quality.id,
    invitedById: inviter.id,
    email,
    firstName: "Invité",
    lastName: "Lent",
  });

  const scripts = await holdScripts(page);
  await page.goto(`/invitation/${token}`, { waitUntil: "domcontentloaded" });
  await page.getByLabel("Nouveau mot de passe").fill("Invite-Lent-2026!");
  await page.getByLabel("Confirmez le mot de passe").fill("Invite-Lent-2026!");
  expect(scripts.held.length).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  scripts.release();

  await expect(page.getByTestId("confirmation")).toContainText("Votre compte est activé");
  await expect(page).toHaveURL(/\/login\?raison=compte-active$/);
  await expect(page.getByTestId("alerte")).toHaveCount(0);

  const invitation = await db.invitation.findFirstOrThrow({ where: { personId: person.id } });
  const saved = await db.person.findUniqueOrThrow({ where: { id: person.id } });
  expect(invitation.usedAt).not.toBeNull();
  expect(saved.status).toBe("ACTIVE");
  expect(await db.auditEvent.count({ where: { targetId: person.id, action: "access.invitation_accepted" } })).toBe(1);
  await page.goto(`/invitation/${token}`);
  await expect(page.getByTestId("alerte")).toBeVisible();
});

// Found while fixing the above: a form the portal handles in the browser (onSubmit, no server
// action) had no method, so the browser's own submission before hydration was a GET and put the
// fields in the address — on the sign-in page, `/login?email=…&password=…` (the password in the
// browser's history and the server's access logs). Every such form now says method="post": sent
// before hydration, the page comes back empty and nothing is in a URL.
test("sign-in: the form sent before hydration puts neither the address nor the password in a URL", async ({ page }) => {
  const { entity } = await createCentre();
  const person = await createPerson({ entityId: entity.id, label: "tot" });
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));

  const scripts = await holdScripts(page);
  await page.goto("/login", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Adresse e-mail").fill(person.email);
  await page.getByLabel("Mot de passe").fill(person.password);
  expect(scripts.held.length).toBeGreaterThan(0); // not hydrated: the browser submits the form itself
  const sent = page.waitForRequest((r) => r.isNavigationRequest() && new URL(r.url()).pathname === "/login");
  await page.getByRole("button", { name: "Continuer" }).click();
  const submission = await sent;
  scripts.release();
  expect(submission.method()).toBe("POST");
  expect(new URL(submission.url()).search).toBe("");
  await page.waitForLoadState("domcontentloaded");

  expect(new URL(page.url()).search).toBe("");
  const password = encodeURIComponent(person.password);
  const email = encodeURIComponent(person.email);
  for (const u of urls) {
    expect(u).not.toContain(password);
    expect(u).not.toContain(email);
    expect(u).not.toContain("password=");
  }
  // Once the page has its scripts, signing in works as usual.
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await signIn(page, person);
});
