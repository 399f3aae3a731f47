import { spawn, type ChildProcess } from "node:child_process";

import { expect, test } from "@playwright/test";

import { createCentre, createPerson, db } from "./fixtures/data";
import { E2E_PORT, e2eServerEnv } from "./fixtures/e2e-env";
import { openUserMenu, signIn } from "./fixtures/sign-in";

// Issue 6: two portal instances on one PostgreSQL behave as one. The first instance is the one
// Playwright started; the second runs the same build on the next port. Cookies on localhost are
// shared across ports, as behind a load balancer that alternates between instances.
const SECOND = `http://localhost:${E2E_PORT + 1}`;
let second: ChildProcess;

test.beforeAll(async () => {
  second = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: { ...process.env, ...e2eServerEnv(), PORT: String(E2E_PORT + 1), NODE_ENV: "production", NODE_OPTIONS: "--conditions=react-server" },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 60; i++) {
    const ok = await fetch(`${SECOND}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("second instance did not start");
});

test.afterAll(async () => {
  if (second.pid) process.kill(-second.pid, "SIGTERM");
  // Wait until the port is free: the next spec may start its own second instance there.
  for (
    let i = 0;
    i < 40 &&
    (await fetch(`${SECOND}/api/health`).then(
      () => true,
      () => false,
    ));
    i++
  )
    await new Promise((r) => setTimeout(r, 250));
});

test("a session made on one instance works on the other, and a sign-out on one ends it on both", async ({ page }) => {
  const { entity } = await createCentre();
  const person = await createPerson({ entityId: entity.id, label: "deux-instances" });
  await signIn(page, person); // instance 1
  await page.goto(`${SECOND}/tableau-de-bord`);
  await expect(page.getByTestId("utilisateur-connecte")).toBeVisible();
  await openUserMenu(page);
  await page.getByRole("button", { name: "Se déconnecter" }).click(); // on instance 2
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/tableau-de-bord"); // instance 1 again
  await expect(page).toHaveURL(/\/login/);
});

test("lockout counts are shared between instances", async ({ page }) => {
  const { entity } = await createCentre();
  const person = await createPerson({ entityId: entity.id, label: "verrou-partage" });
  for (const base of ["", SECOND, ""]) {
    await page.goto(`${base}/login`);
    await page.getByLabel("Adresse e-mail").fill(person.email);
    await page.getByLabel("Mot de passe").fill("Mauvais-Mot-2026!");
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page.getByTestId("alerte")).toBeVisible();
  }
  const saved = await db.person.findUniqueOrThrow({ where: { id: person.id } });
  expect(saved.lockedUntil!.getTime()).toBeGreaterThan(Date.now()); // 3 failures over 2 instances (limit 3)
  await page.goto(`${SECOND}/login`);
  await page.getByLabel("Adresse e-mail").fill(person.email);
  await page.getByLabel("Mot de passe").fill(person.password);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByTestId("alerte")).toContainText("temporairement verrouillé");
});
