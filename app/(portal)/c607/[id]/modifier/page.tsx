import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { RequestForm } from "@/components/c607/request-form";
import { getRequestDetail } from "@/lib/c607/requests";
import { loadOrNotFound, pageContext } from "@/lib/c607/requests/page-context";

import { updateDraftAction } from "../../actions";
import { pageId } from "@/lib/http/parse-id";

export const metadata: Metadata = { title: "Modifier la demande C60.7" };

export default async function EditC607Page({ params }: { params: Promise<{ id: string }> }) {
  const id = await pageId(params);
  const ctx = await pageContext();
  const detail = await loadOrNotFound(() => getRequestDetail({ ctx, id }));
  if (!detail.availableCommands.includes("update")) notFound();
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">Modifier la demande {detail.reference}</h1>
      <RequestForm initial={detail.content} version={detail.version} submit={updateDraftAction.bind(null, detail.id)} />
    </>
  );
}
