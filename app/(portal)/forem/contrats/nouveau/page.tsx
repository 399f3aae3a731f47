import type { Metadata } from "next";

import { ContractForm } from "@/components/forem/contract-form";
import { ForemNav } from "@/components/forem/forem-nav";
import { foremPageActor } from "@/lib/forem/page-guard";

export const metadata: Metadata = { title: "Nouveau contrat" };

export default async function NewContractPage() {
  await foremPageActor();
  return (
    <div>
      <ForemNav current="/forem" />
      <h1 className="mb-4 text-2xl font-semibold">Nouveau contrat</h1>
      <ContractForm />
    </div>
  );
}
