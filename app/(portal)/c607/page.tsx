import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";

import { RequestTable } from "@/components/c607/request-table";
import { listRequests, sideOf } from "@/lib/c607/requests";
import { pageContext } from "@/lib/c607/requests/page-context";
import { parseListQuery } from "@/lib/c607/requests/list-query";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("c607.list");
  return { title: t("metaTitle") };
}

export default async function C607ListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await pageContext();
  const t = await getTranslations("c607.list");
  const tTable = await getTranslations("c607.table");
  if (sideOf(ctx.actor) === "ONEM") redirect("/onem");
  const { filter, query, invalid } = parseListQuery(await searchParams, "c");
  const listing = await listRequests({ ctx, filter });
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <Link href="/c607/nouvelle" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {t("newRequest")}
        </Link>
      </div>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      {invalid === "cursor" && <p className="mt-2 text-sm text-red-800">{tTable("invalidCursor")}</p>}
      <RequestTable listing={listing} showCentre={false} basePath="/c607" query={query} />
    </>
  );
}
