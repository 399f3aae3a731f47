import { afterAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { designateLocalManager } from "@/lib/access/manage/designate-local-manager";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { localize } from "@/lib/i18n/translator";
import { ensureQuality, ensureRole } from "@/lib/seed/builders";
import { createCentre, createPerson } from "@/tests/fixtures/people";

import { loadEntityOverview } from "./load-entity-overview";

afterAll(() => db.$disconnect());

const meta = { ip: "127.0.0.1", userAgent: "entity panel" };
const answer = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: unknown) => localize("fr", e instanceof Error ? e.message : String(e)),
  );

// The RAE's « Désigner le GL » form, per quality. Written by hand from DOMAIN.md (« the GL of the
// quality Action Sociale must be the centre's DPD; the portal must enforce this rule ») and
// docs/access-management.md (one GL per quality, replaced, never removed): while the GL of Action
// Sociale already is the DPD, or while no DPD is recorded, nobody can be designated there — the
// RAE first records or changes the DPD; otherwise the form is offered.
//
//   case                                      form      the server, naming…
//   AS, GL = the DPD                          hidden    the DPD: « déjà GL »; anyone else: « doit être le DPD »
//   AS, no DPD recorded, no GL                hidden    anyone: « doit être le DPD »
//   AS, a DPD, no GL yet                      offered   the DPD: accepted
//   AS, the DPD changed, the old GL stays     offered   the new DPD: accepted
//   Employeur ONSS, a GL                      offered   someone else: accepted
const ALREADY = "Cette personne est déjà le gestionnaire local de cette qualité.";
const DPD_RULE =
  "Le gestionnaire local de la qualité Action Sociale doit être le DPD (délégué à la protection des données) du centre : règle de la BCSS et du SPP IS, qui gère le réseau secondaire des CPAS (article 6 de l'AR du 4 février 1997). Désignez d'abord cette personne comme DPD, ou choisissez le DPD actuel.";

async function centre(o: { dpd: boolean; glIsDpd?: boolean; dpdChanged?: boolean }) {
  const { entity, quality } = await createCentre();
  const rae = await createPerson(entity.id, { label: "rae" });
  await db.$transaction((tx) => ensureRole(tx, { personId: rae.id, role: "RAE", entityId: entity.id }));
  const dumont = await createPerson(entity.id, { label: "dumont" });
  const benali = await createPerson(entity.id, { label: "benali" });
  if (o.dpd) await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dumont.id } });
  if (o.glIsDpd) await db.$transaction((tx) => ensureRole(tx, { personId: dumont.id, role: "GL", entityId: entity.id, qualityId: quality.id }));
  if (o.dpdChanged) await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: benali.id } });
  const sid = await db.$transaction((tx) => createSession(tx, { personId: rae.id, ip: null, userAgent: null }));
  const actor = (await loadActor(sid, { touch: false })) as Actor;
  const offered = async (qualityId = quality.id) => !(await loadEntityOverview(entity.id)).qualities.find((q) => q.id === qualityId)!.isGlSetByDpd;
  const designate = (personId: string, qualityId = quality.id) => answer(designateLocalManager({ actor, meta, qualityId, personId }));
  return { entity, quality, dumont, benali, offered, designate };
}

describe("entity page: « Désigner le GL » is offered only where someone can be designated", () => {
  it("Action Sociale whose GL is the DPD: hidden; the server refuses the DPD and anyone else", async () => {
    const c = await centre({ dpd: true, glIsDpd: true });
    expect(await c.offered()).toBe(false);
    expect(await c.designate(c.dumont.id)).toBe(ALREADY);
    expect(await c.designate(c.benali.id)).toBe(DPD_RULE);
  });

  it("Action Sociale with no DPD recorded: hidden; the server refuses anyone", async () => {
    const c = await centre({ dpd: false });
    expect(await c.offered()).toBe(false);
    expect(await c.designate(c.dumont.id)).toBe(DPD_RULE);
    expect(await c.designate(c.benali.id)).toBe(DPD_RULE);
  });

  it("Action Sociale with a DPD and no GL yet: offered; the DPD is accepted", async () => {
    const c = await centre({ dpd: true });
    expect(await c.offered()).toBe(true);
    expect(await c.designate(c.dumont.id)).toBe("accepted");
  });

  it("Action Sociale after a change of DPD (the old GL stays, not compliant): offered; the new DPD is accepted", async () => {
    const c = await centre({ dpd: true, glIsDpd: true, dpdChanged: true });
    expect(await c.offered()).toBe(true);
    expect(await c.designate(c.benali.id)).toBe("accepted");
  });

  it("another quality with a GL: offered; someone else is accepted", async () => {
    const c = await centre({ dpd: true, glIsDpd: true });
    const onss = await db.$transaction((tx) => ensureQuality(tx, { entityId: c.entity.id, type: "EMPLOYEUR_ONSS", identifier: "012345678" }));
    await db.$transaction((tx) => ensureRole(tx, { personId: c.dumont.id, role: "GL", entityId: c.entity.id, qualityId: onss.id }));
    expect(await c.offered(onss.id)).toBe(true);
    expect(await c.designate(c.benali.id, onss.id)).toBe("accepted");
  });
});
