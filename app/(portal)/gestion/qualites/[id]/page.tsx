import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { ManagementNotices } from "@/components/access/management-form";
import { QualityRoles } from "@/components/access/quality-roles";
import { QualityReview } from "@/components/access/quality-review";
import { QualityUsers } from "@/components/access/quality-users";
import { loadQualityManagement } from "@/lib/access/manage/load-quality-management";
import { getActor } from "@/lib/auth/get-actor";
import { isAppError } from "@/lib/errors/app-error";
import { pageNumber } from "@/lib/http/page-number";
import { firstParam } from "@/lib/http/search-params";
import { hasUnsafeChars } from "@/lib/validation/safe-text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access.quality");
  return { title: t("metaTitle") };
}

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
  const t = await getTranslations("access");
  return (
    <ManagementNotices>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">
          {t(`qualities.${data.quality.type}`)} <span className="text-base font-normal text-slate-700">({data.quality.identifier})</span>
        </h1>
        <QualityRoles data={data} />
        {typed && !filter && (
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            {t("quality.filterHint")}
          </p>
        )}
        <QualityUsers data={data} actorLanguage={actor.language} filter={filter} chosenPersonId={chosen} />
        <QualityReview data={data} />
      </div>
    </ManagementNotices>
  );
}
