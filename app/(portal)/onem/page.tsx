import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { QueueFilters } from "@/components/c607/queue-filters";
import { RequestTable } from "@/components/c607/request-table";
import { listRequests, listSendingCentres, sideOf } from "@/lib/c607/requests";
import { pageContext } from "@/lib/c607/requests/page-context";
import { parseListQuery } from "@/lib/c607/requests/list-query";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("c607.queue");
  return { title: t("metaTitle") };
}

export default async function OnemQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await pageContext();
  const t = await getTranslations("c607.queue");
  const tTable = await getTranslations("c607.table");
  if (sideOf(ctx.actor) !== "ONEM") notFound();
  const { filter, query, invalid } = parseListQuery(await searchParams, "q");
  const [listing, centres] = await Promise.all([listRequests({ ctx, filter }), listSendingCentres({ ctx })]);
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      {invalid === "filter" && <p className="mt-2 text-sm text-red-800">{t("invalidFilter")}</p>}
      {invalid === "cursor" && <p className="mt-2 text-sm text-red-800">{tTable("invalidCursor")}</p>}
      <QueueFilters filter={filter} centres={centres} />
      <RequestTable listing={listing} showCentre basePath="/onem" query={query} />
    </>
  );
}
