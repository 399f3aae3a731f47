import type { Metadata } from "next";

import { RequestDetailView } from "@/components/c607/request-detail";
import { getRequestDetail } from "@/lib/c607/requests";
import { loadOrNotFound, pageContext } from "@/lib/c607/requests/page-context";
import { pageId } from "@/lib/http/parse-id";

export const metadata: Metadata = { title: "Demande C60.7" };

export default async function C607DetailPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await pageId(params);
  const ctx = await pageContext();
  return <RequestDetailView detail={await loadOrNotFound(() => getRequestDetail({ ctx, id }))} />;
}
