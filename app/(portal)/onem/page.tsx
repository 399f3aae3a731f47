import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { QueueFilters } from "@/components/c607/queue-filters";
import { RequestTable } from "@/components/c607/request-table";
import { listRequests, listSendingCentres, sideOf } from "@/lib/c607/requests";
import { pageContext } from "@/lib/c607/requests/page-context";
import { ZQueueFilter } from "@/lib/c607/requests/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("c607.queue");
  return { title: t("metaTitle") };
}

export default async function OnemQueuePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const ctx = await pageContext();
  const t = await getTranslations("c607.queue");
  if (sideOf(ctx.actor) !== "ONEM") notFound();
  // Empty selects come as "": drop them before the strict schema.
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => v !== ""));
  const parsed = ZQueueFilter.safeParse(raw);
  const filter = parsed.success ? parsed.data : {};
  const [listing, centres] = await Promise.all([listRequests({ ctx, filter }), listSendingCentres({ ctx })]);
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      {!parsed.success && <p className="mt-2 text-sm text-red-800">{t("invalidFilter")}</p>}
      <QueueFilters filter={filter} centres={centres} />
      <RequestTable listing={listing} showCentre />
    </>
  );
}
