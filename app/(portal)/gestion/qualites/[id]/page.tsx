import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { ManagementNotices } from "@/components/access/management-form";
import { QualityRoles } from "@/components/access/quality-roles";
import { QualityReview } from "@/components/access/quality-review";
import { QualityUsers } from "@/components/access/quality-users";
import { QUALITY_LABELS } from "@/lib/access/catalogue";
import { loadQualityManagement } from "@/lib/access/manage/load-quality-management";
import { getActor } from "@/lib/auth/get-actor";
import { isAppError } from "@/lib/errors/app-error";
import { pageNumber } from "@/lib/http/page-number";
import { firstParam } from "@/lib/http/search-params";
import { hasUnsafeChars } from "@/lib/validation/safe-text";

export const metadata: Metadata = { title: "Gestion d'une qualité" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function QualityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const query = await searchParams;
  const page = pageNumber(firstParam(query.page));
  // A name or an e-mail only: a national number never goes in an address (the people search takes it by POST).
  const typed = firstParam(query.filtre)?.trim().slice(0, 100) ?? "";
  const filter = /\d{6}/.test(typed) || hasUnsafeChars(typed) ? "" : typed;
  const chosen = firstParam(query.personne);
  const data = await loadQualityManagement(actor, id, page, filter).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <ManagementNotices>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">
          {QUALITY_LABELS[data.quality.type]} <span className="text-base font-normal text-slate-700">({data.quality.identifier})</span>
        </h1>
        <QualityRoles data={data} />
        {typed && !filter && (
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            Le filtre accepte un nom ou une adresse e-mail. Pour un numéro national, utilisez la recherche de personnes.
          </p>
        )}
        <QualityUsers data={data} actorId={actor.personId} filter={filter} chosenPersonId={chosen} />
        <QualityReview data={data} />
      </div>
    </ManagementNotices>
  );
}
