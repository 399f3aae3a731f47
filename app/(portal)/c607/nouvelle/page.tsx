import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { RequestForm } from "@/components/c607/request-form";
import { sideOf } from "@/lib/c607/requests";
import { pageContext } from "@/lib/c607/requests/page-context";

import { createRequestAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("c607.create");
  return { title: t("metaTitle") };
}

export default async function NewC607Page() {
  const ctx = await pageContext();
  const t = await getTranslations("c607.create");
  if (sideOf(ctx.actor) !== "CPAS") notFound();
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <RequestForm initial={null} submit={createRequestAction} />
    </>
  );
}
