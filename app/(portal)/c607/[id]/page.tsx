import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { noticeOf } from "@/components/c607/notices";
import { RequestDetailView } from "@/components/c607/request-detail";
import { getRequestDetail } from "@/lib/c607/requests";
import { loadOrNotFound, pageContext } from "@/lib/c607/requests/page-context";
import { pageId } from "@/lib/http/parse-id";
import { firstParam } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("c607.detail");
  return { title: t("metaTitle") };
}

type Params = Record<string, string | string[] | undefined>;

export default async function C607DetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Params> }) {
  const id = await pageId(params);
  const ctx = await pageContext();
  const notice = noticeOf(firstParam((await searchParams).fait));
  return <RequestDetailView detail={await loadOrNotFound(() => getRequestDetail({ ctx, id }))} notice={notice} />;
}
