import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ContractForm } from "@/components/forem/contract-form";
import { ForemNav } from "@/components/forem/forem-nav";
import { foremPageActor } from "@/lib/forem/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forem.contractForm");
  return { title: t("newTitle") };
}

export default async function NewContractPage() {
  await foremPageActor();
  const t = await getTranslations("forem.contractForm");
  return (
    <div>
      <ForemNav current="/forem" />
      <h1 className="mb-4 text-2xl font-semibold">{t("newTitle")}</h1>
      <ContractForm />
    </div>
  );
}
