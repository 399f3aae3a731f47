import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { ForemNav } from "@/components/forem/forem-nav";
import { ImportForm } from "@/components/forem/import-form";
import { foremPageActor } from "@/lib/forem/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forem.import");
  return { title: t("title") };
}

export default async function ImportContractsPage() {
  await foremPageActor();
  const t = await getTranslations("forem.import");
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <div className="space-y-4">
      <ForemNav current="/forem" />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <div className="max-w-3xl space-y-2 text-sm text-slate-700">
        <p>{t.rich("intro", { strong })}</p>
        <p>{t.rich("allOrNothing", { strong })}</p>
      </div>
      <ImportForm />
    </div>
  );
}
