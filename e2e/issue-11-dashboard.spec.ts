import { randomUUID } from "node:crypto";

import { expect, test } from "@playwright/test";

import { createCentre, createPerson, db, ensureGrant, ensureRole, randomBce } from "./fixtures/data";
import { signIn } from "./fixtures/sign-in";

const builders = await import("../lib/seed/builders");

// Issue 11: « The ONEM dashboard says the queue « n'est pas encore disponible dans cette version »
// while « File ONEM » works » and « « Mes applications » on the dashboard: every application a
// person holds opens from there (today some are a sentence without a link). »

test("the ONEM collaborator's dashboard links to « File ONEM » with what waits there", async ({ page }) => {
  const onem = await db.$transaction((tx) => builders.ensureEntity(tx, { name: `ONEM ${randomUUID().slice(0, 6)}`, bce: randomBce(), kind: "ONEM" }));
  const collaborator = await createPerson({ entityId: onem.id, label: "collaborateur" });
  await ensureRole({ personId: collaborator.id, role: "ONEM_COLLABORATOR", entityId: onem.id });
  await signIn(page, collaborator);
  await expect(page.getByText("pas encore disponible")).toHaveCount(0);
  // The queue is national: what the database holds now, sent and not taken / being processed.
  const counts = page.getByTestId("file-onem-compteurs");
  await expect(counts).toContainText(`À prendre en charge : ${await db.c607Request.count({ where: { status: "SENT" } })}`);
  await expect(counts).toContainText(`En cours de traitement : ${await db.c607Request.count({ where: { status: "IN_PROGRESS" } })}`);
  await page.getByRole("link", { name: "Ouvrir la File ONEM" }).click();
  await expect(page).toHaveURL(/\/onem$/);
});

test("every application a person holds opens from « Mes applications »", async ({ page }) => {
  const { entity, quality } = await createCentre();
  const agent = await createPerson({ entityId: entity.id, label: "applications" });
  await ensureGrant({ personId: agent.id, rightCode: "AGENT_SOCIAL", entityId: entity.id, qualityId: quality.id });
  // Seed 003: « Consultation CTMS » (Liste des codes) is hosted by its owner, not by this portal.
  await ensureGrant({ personId: agent.id, rightCode: "CONSULTATION_CTMS", entityId: entity.id, qualityId: quality.id });
  await signIn(page, agent);
  const section = page.getByTestId("section-applications");
  // Agent Social opens the C60.7 requests and the FOREM list in this portal (docs/security.md).
  await expect(section.getByRole("link", { name: "Demandes C60.7" })).toBeVisible();
  await expect(section.getByRole("link", { name: "FOREM" })).toBeVisible();
  await section.getByRole("link", { name: "Consultation CTMS" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Liste des codes" })).toBeVisible();

  // Someone without the right gets « page introuvable » at the same address.
  const onss = await db.quality.create({ data: { entityId: entity.id, type: "EMPLOYEUR_ONSS", identifier: randomBce().slice(0, 9), isActive: true } });
  const other = await createPerson({ entityId: entity.id, label: "sans-droit" });
  // Older data: the right under Employeur ONSS, where its application does not live, counts for nothing.
  await ensureGrant({ personId: other.id, rightCode: "CONSULTATION_CTMS", entityId: entity.id, qualityId: onss.id });
  const otherPage = await page.context().browser()!.newPage();
  await signIn(otherPage, other);
  await expect(otherPage.getByTestId("section-applications")).toHaveCount(0);
  await otherPage.goto("/applications/droits/consultation-ctms");
  await expect(otherPage.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  await otherPage.close();
});
