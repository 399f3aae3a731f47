import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { ContractForm } from "@/components/forem/contract-form";
import { ForemNav } from "@/components/forem/forem-nav";
import { getContract } from "@/lib/forem/contracts/get-contract";
import { foremPageActor } from "@/lib/forem/page-guard";
import { pageId } from "@/lib/http/parse-id";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forem.contractForm");
  return { title: t("editMetaTitle") };
}

export default async function EditContractPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await foremPageActor();
  const t = await getTranslations("forem.contractForm");
  const contract = await getContract({ actor, id: await pageId(params) });
  if (!contract) notFound();
  return (
    <div>
      <ForemNav current="/forem" />
      <h1 className="mb-4 text-2xl font-semibold">{t("editTitle")}</h1>
      <ContractForm contract={contract} />
    </div>
  );
}
