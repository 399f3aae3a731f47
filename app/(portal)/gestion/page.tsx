import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { EntityManagement } from "@/components/access/entity-management";
import { ManagementNotices } from "@/components/access/management-form";
import { canAnywhere } from "@/lib/access/can";
import { getActor } from "@/lib/auth/get-actor";
import { loadEntityOverview } from "@/lib/dashboard/load-entity-overview";
import { db } from "@/lib/db/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access.overview");
  return { title: t("title") };
}

export default async function AccessManagementPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const isRaeLevel = canAnywhere(actor, "entity.view");
  const qualityIds = [...new Set(actor.roles.filter((r) => r.qualityId && r.role !== "TECHNICAL_USER").map((r) => r.qualityId!))];
  if (!isRaeLevel && !actor.isDpd && qualityIds.length === 0) notFound();
  const [t, overview, managed] = await Promise.all([
    getTranslations("access"),
    isRaeLevel ? loadEntityOverview(actor.entityId) : null,
    db.quality.findMany({ where: { entityId: actor.entityId, id: { in: qualityIds } }, select: { id: true, type: true } }),
  ]);
  return (
    <ManagementNotices>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">{t("overview.title")}</h1>
        {actor.isDpd && (
          <p>
            <Link href="/gestion/securite" className="text-brand-700 underline">
              {t("overview.securityLink")}
            </Link>
          </p>
        )}
        {overview && (
          <>
            <p>
              <Link href="/gestion/recherche" className="text-brand-700 underline">
                {t("overview.searchLink")}
              </Link>
            </p>
            <EntityManagement overview={overview} actorId={actor.personId} />
          </>
        )}
        {managed.length > 0 && (
          <section aria-labelledby="mes-qualites" className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id="mes-qualites" className="text-lg font-semibold">
              {t("overview.managedQualities")}
            </h2>
            <ul className="mt-2 list-disc pl-5">
              {managed.map((q) => (
                <li key={q.id}>
                  <Link href={`/gestion/qualites/${q.id}`} className="text-brand-700 underline">
                    {t(`qualities.${q.type}`)}
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
