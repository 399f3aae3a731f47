import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { QualityRoles } from "@/components/access/quality-roles";
import { QualityReview } from "@/components/access/quality-review";
import { QualityUsers } from "@/components/access/quality-users";
import { QUALITY_LABELS } from "@/lib/access/catalogue";
import { loadQualityManagement } from "@/lib/access/manage/load-quality-management";
import { getActor } from "@/lib/auth/get-actor";
import { isAppError } from "@/lib/errors/app-error";
import { pageNumber } from "@/lib/http/page-number";

export const metadata: Metadata = { title: "Gestion d'une qualité" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function QualityPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const page = pageNumber((await searchParams).page);
  const data = await loadQualityManagement(actor, id, page).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">
        {QUALITY_LABELS[data.quality.type]} <span className="text-base font-normal text-slate-700">({data.quality.identifier})</span>
      </h1>
      <QualityRoles data={data} />
      <QualityUsers data={data} actorId={actor.personId} />
      <QualityReview data={data} />
    </div>
  );
}
