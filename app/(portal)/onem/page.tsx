import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

import { type CentreFilterState, QueueFilters } from "@/components/c607/queue-filters";
import { RequestTable } from "@/components/c607/request-table";
import { listRequests, sideOf } from "@/lib/c607/requests";
import { centreById, findSendingCentre } from "@/lib/c607/requests/find-centre";
import { parseListQuery } from "@/lib/c607/requests/list-query";
import { pageContext } from "@/lib/c607/requests/page-context";
import { firstParam } from "@/lib/http/search-params";
import { localeOfTag } from "@/lib/i18n/request-locale";
import { localize } from "@/lib/i18n/translator";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("c607.queue");
  return { title: t("metaTitle") };
}

/**
 * The ONEM queue. The centre filter is typed (`centre`: part of a name or an enterprise number,
 * lib/c607/requests/find-centre.ts); when it names exactly one centre the page redirects to the
 * same queue with `entityId`, the filter the list, the JSON API, the cursors and the page links
 * have always used — so a filtered queue is bookmarkable and its pages keep the filter.
 */
export default async function OnemQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await pageContext();
  if (sideOf(ctx.actor) !== "ONEM") notFound();
  const { centre: rawCentre, ...rest } = await searchParams;
  const typed = firstParam(rawCentre).trim();
  const { filter, query, invalid } = parseListQuery(rest, "q");
  // The queue with the other filters (status, deadline), on one centre or on none: a new filter
  // starts at the first page, so no cursor.
  const hrefFor = (entityId: string | null) => {
    const params = new URLSearchParams();
    if (filter.status) params.set("status", filter.status);
    if (entityId) params.set("entityId", entityId);
    if (filter.deadline) params.set("deadline", filter.deadline);
    const qs = params.toString();
    return qs ? `/onem?${qs}` : "/onem";
  };

  let search: CentreFilterState["search"] = null;
  if (typed !== "") {
    const found = await findSendingCentre({ ctx, text: typed });
    if (found.kind === "one") redirect(hrefFor(found.centre.id));
    search = found.kind === "invalid" ? { ...found, message: localize(localeOfTag(await getLocale()), found.message) } : found;
  }
  // A typed text that named no single centre wins over an `entityId` of the address: the message
  // says the queue is not filtered by centre, and it is not.
  const shown = search ? { ...filter, entityId: undefined } : filter;
  const { entityId: _dropped, ...queryWithoutCentre } = query;
  const [listing, filteredOn, t, tTable] = await Promise.all([
    listRequests({ ctx, filter: shown }),
    shown.entityId ? centreById({ ctx, id: shown.entityId }).then((c) => c ?? ("unknown" as const)) : null,
    getTranslations("c607.queue"),
    getTranslations("c607.table"),
  ]);
  const centre: CentreFilterState = {
    text: search ? typed : filteredOn && filteredOn !== "unknown" ? filteredOn.name : "",
    filteredOn,
    search,
    hrefFor,
  };
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      {invalid === "filter" && <p className="mt-2 text-sm text-red-800">{t("invalidFilter")}</p>}
      {invalid === "cursor" && <p className="mt-2 text-sm text-red-800">{tTable("invalidCursor")}</p>}
      <QueueFilters filter={shown} centre={centre} />
      <RequestTable listing={listing} showCentre basePath="/onem" query={search ? queryWithoutCentre : query} />
    </>
  );
}
