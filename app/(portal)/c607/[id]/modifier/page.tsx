import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { RequestForm } from "@/components/c607/request-form";
import { getRequestDetail } from "@/lib/c607/requests";
import { loadOrNotFound, pageContext } from "@/lib/c607/requests/page-context";

import { updateDraftAction } from "../../actions";
import { pageId } from "@/lib/http/parse-id";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("c607.edit");
  return { title: t("metaTitle") };
}

export default async function EditC607Page({ params }: { params: Promise<{ id: string }> }) {
  const id = await pageId(params);
  const ctx = await pageContext();
  const t = await getTranslations("c607.edit");
  const detail = await loadOrNotFound(() => getRequestDetail({ ctx, id }));
  if (!detail.availableCommands.includes("update")) notFound();
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">{t("title", { reference: detail.reference })}</h1>
      <RequestForm initial={detail.content} version={detail.version} submit={updateDraftAction.bind(null, detail.id)} />
    </>
  );
}
