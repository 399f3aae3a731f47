import type { Db } from "@/lib/db/client";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";

import { ensureCatalogue, ensureEntity, ensureGrant, ensurePerson, ensureQuality, ensureRole } from "./builders";

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { seedRapportUniqueDemo } from "./rapport-unique-demo";

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

export async function seedDemo(db: Db): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await ensureCatalogue(tx);
      const demo = await ensureEntity(tx, { name: "CPAS de Démo", bce: "0212345668" });
      const other = await ensureEntity(tx, { name: "CPAS de Tilleul", bce: "0298765443" });
      const onem = await ensureEntity(tx, { name: "Office national de l'Emploi (ONEM)", bce: "0206737484", kind: "ONEM" });
      const sppis = await ensureEntity(tx, { name: "SPP Intégration sociale", bce: "0367303366", kind: "SPP_IS" });
      const as = await ensureQuality(tx, { entityId: demo.id, type: "ACTION_SOCIALE", identifier: "0212345668", email: "action.sociale@demo.cpas.be" });
      await ensureQuality(tx, { entityId: demo.id, type: "EMPLOYEUR_ONSS", identifier: "012345678", isActive: true });
      await ensureQuality(tx, { entityId: demo.id, type: "MARCHES_PUBLICS", identifier: "0212345668", isActive: false });
      const otherAs = await ensureQuality(tx, { entityId: other.id, type: "ACTION_SOCIALE", identifier: "0298765443" });
      const sub = await tx.subdivision.upsert({
        where: { qualityId_name: { qualityId: as.id, name: "Service insertion socioprofessionnelle" } },
        update: {},
        create: { qualityId: as.id, name: "Service insertion socioprofessionnelle" },
      });

      for (const a of DEMO_ACCOUNTS) {
        const entity = "onem" in a ? onem : "sppis" in a ? sppis : "other" in a ? other : demo;
        const quality = "other" in a ? otherAs : as;
        const p = await ensurePerson(tx, { entityId: entity.id, email: a.email, firstName: a.firstName, lastName: a.lastName, password: DEMO_PASSWORD });
        if ("role" in a) {
          const scoped =
            a.role === "RAE" || a.role === "CO_RAE" || a.role === "ONEM_COLLABORATOR" || a.role === "SPPIS_COLLABORATOR"
              ? {}
              : a.role === "SUBDIVISION_MANAGER"
                ? { qualityId: as.id, subdivisionId: sub.id }
                : { qualityId: quality.id };
          await ensureRole(tx, { personId: p.id, role: a.role, entityId: entity.id, ...scoped });
        }
        if ("right" in a) await ensureGrant(tx, { personId: p.id, rightCode: a.right, entityId: entity.id, qualityId: quality.id });
        // The CPAS rule (seed 003): the GL of Action Sociale is the centre's DPD.
        if (a.email === "dpd@demo.cpas.be") await tx.entity.update({ where: { id: demo.id }, data: { dpdPersonId: p.id } });
      }
      // FileExchange: the two demo centres may send each other files (each DPD's allow-list).
      const [demoDpd, otherStaff] = await Promise.all([
        tx.entity.findUniqueOrThrow({ where: { id: demo.id }, select: { dpdPersonId: true } }),
        tx.person.findFirstOrThrow({ where: { entityId: other.id }, orderBy: { email: "asc" }, select: { id: true } }),
      ]);
      for (const [from, to, addedById] of [
        [demo.id, other.id, demoDpd.dpdPersonId!],
        [other.id, demo.id, otherStaff.id],
      ] as const) {
        await tx.fileExchangePartner.upsert({
          where: { entityId_partnerEntityId: { entityId: from, partnerEntityId: to } },
          update: {},
          create: { entityId: from, partnerEntityId: to, addedById },
        });
      }
      await seedRapportUniqueDemo(tx, { demoEntityId: demo.id, sppisEntityId: sppis.id });
      const count = await tx.auditEvent.count({ where: { action: "system.demo_seeded" } });
      if (count === 0) {
        await writeAuditEvent(tx, { actorId: null, entityId: null }, { action: "system.demo_seeded", after: { accounts: DEMO_ACCOUNTS.length } });
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
