import { afterAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { localize } from "@/lib/i18n/translator";
import { createCentre, createPerson } from "@/tests/fixtures/people";

import { previewAccessPolicy, saveAccessPolicy, ZAccessPolicy } from "./save-access-policy";
import { setSessionIdle } from "./set-session-idle";
import { acceptUsagePolicy, pendingUsagePolicy, publishUsagePolicy, usagePolicyStatus } from "./usage-policy";

const meta = { ip: "192.0.2.10", userAgent: "dpd" };
afterAll(() => db.$disconnect());

async function actorOf(personId: string): Promise<Actor> {
  const sid = await db.$transaction((tx) => createSession(tx, { personId, ip: "192.0.2.10", userAgent: null }));
  return (await loadActor(sid, { touch: false }))!;
}

describe("the DPD's security settings", () => {
  it("only the DPD changes them, and every change is audited", async () => {
    const { entity } = await createCentre();
    const dpdPerson = await createPerson(entity.id, { label: "dpd" });
    await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dpdPerson.id } });
    const dpd = await actorOf(dpdPerson.id);
    const staff = await actorOf((await createPerson(entity.id)).id);
    await expect(setSessionIdle({ actor: staff, meta, minutes: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(publishUsagePolicy({ actor: staff, meta, title: "x", body: "y" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setSessionIdle({ actor: dpd, meta, minutes: 10 });
    expect((await db.entity.findUniqueOrThrow({ where: { id: entity.id } })).sessionIdleSeconds).toBe(600);

    const input = ZAccessPolicy.parse({
      isEnforced: "true",
      allowedDays: ["1", "2", "3", "4", "5", "6", "7"],
      start: "00:00",
      end: "23:59",
      allowedCidrs: "198.51.100.0/24",
    });
    const preview = await previewAccessPolicy(dpd, input);
    expect(preview.cutOff.map((c) => c.reason)).toEqual(["réseau", "réseau"]); // both open sessions come from 192.0.2.10
    await saveAccessPolicy({ actor: dpd, meta, input });
    expect(await db.auditEvent.count({ where: { actorId: dpdPerson.id, action: { in: ["policy.session_idle_changed", "policy.access_changed"] } } })).toBe(2);
  });

  it("refuses a malformed access policy with messages in the reader's language", () => {
    const r = ZAccessPolicy.safeParse({ isEnforced: "true", allowedDays: [], start: "25:00", end: "07:00", allowedCidrs: "10.0.0.0/33" });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => localize("fr", i.message)).join(" | ");
    expect(messages).toContain("Choisissez au moins un jour.");
    expect(messages).toContain("Heure invalide (HH:MM).");
    expect(messages).toContain("Réseau invalide : 10.0.0.0/33 (format 192.0.2.0/24 ou 2001:db8::/32).");
    const dutch = r.error!.issues.map((i) => localize("nl", i.message)).join(" | ");
    expect(dutch).toContain("Kies minstens één dag.");
    expect(dutch).toContain("Ongeldig netwerk: 10.0.0.0/33");
  });

  it("a new usage-policy version must be accepted again; only the latest can be accepted", async () => {
    const { entity } = await createCentre();
    const dpdPerson = await createPerson(entity.id, { label: "dpd" });
    await db.entity.update({ where: { id: entity.id }, data: { dpdPersonId: dpdPerson.id } });
    const dpd = await actorOf(dpdPerson.id);
    const user = await actorOf((await createPerson(entity.id)).id);
    const v1 = await publishUsagePolicy({ actor: dpd, meta, title: "Politique", body: "Version un de la politique d'utilisation." });
    expect((await pendingUsagePolicy(user))?.id).toBe(v1.id);
    await acceptUsagePolicy({ actor: user, meta, policyId: v1.id });
    expect(await pendingUsagePolicy(user)).toBeNull();
    const v2 = await publishUsagePolicy({ actor: dpd, meta, title: "Politique", body: "Version deux de la politique d'utilisation." });
    expect(v2.version).toBe(2);
    expect((await pendingUsagePolicy(user))?.id).toBe(v2.id);
    await expect(acceptUsagePolicy({ actor: user, meta, policyId: v1.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const status = await usagePolicyStatus(dpd);
    expect(status?.pendingCount).toBe(2); // the DPD and the user, for version 2
  });
});
