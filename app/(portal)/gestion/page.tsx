import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { EntityManagement } from "@/components/access/entity-management";
import { ManagementNotices } from "@/components/access/management-form";
import { canAnywhere } from "@/lib/access/can";
import { QUALITY_LABELS } from "@/lib/access/catalogue";
import { getActor } from "@/lib/auth/get-actor";
import { loadEntityOverview } from "@/lib/dashboard/load-entity-overview";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Gestion des accès" };

export default async function AccessManagementPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const isRaeLevel = canAnywhere(actor, "entity.view");
  const qualityIds = [...new Set(actor.roles.filter((r) => r.qualityId && r.role !== "TECHNICAL_USER").map((r) => r.qualityId!))];
  if (!isRaeLevel && !actor.isDpd && qualityIds.length === 0) notFound();
  const [overview, managed] = await Promise.all([
    isRaeLevel ? loadEntityOverview(actor.entityId) : null,
    db.quality.findMany({ where: { entityId: actor.entityId, id: { in: qualityIds } }, select: { id: true, type: true } }),
  ]);
  return (
    <ManagementNotices>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Gestion des accès</h1>
        {actor.isDpd && (
          <p>
            <Link href="/gestion/securite" className="text-brand-700 underline">
              Sécurité du centre : heures et réseaux autorisés, politique d&apos;utilisation (DPD)
            </Link>
          </p>
        )}
        {overview && (
          <>
            <p>
              <Link href="/gestion/recherche" className="text-brand-700 underline">
                Rechercher une personne dans toutes les qualités
              </Link>
            </p>
            <EntityManagement overview={overview} actorId={actor.personId} />
          </>
        )}
        {managed.length > 0 && (
          <section aria-labelledby="mes-qualites" className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id="mes-qualites" className="text-lg font-semibold">
              Qualités que vous gérez
            </h2>
            <ul className="mt-2 list-disc pl-5">
              {managed.map((q) => (
                <li key={q.id}>
                  <Link href={`/gestion/qualites/${q.id}`} className="text-brand-700 underline">
                    {QUALITY_LABELS[q.type]}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </ManagementNotices>
  );
}
