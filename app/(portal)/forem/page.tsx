import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { searchContractsAction } from "@/app/(portal)/forem/actions";
import { ContractsTable } from "@/components/forem/contracts-table";
import { ForemNav } from "@/components/forem/forem-nav";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { CONTRACTS_PAGE_SIZE, listContracts } from "@/lib/forem/contracts/list-contracts";
import { foremPageActor } from "@/lib/forem/page-guard";
import { recalledSearch } from "@/lib/http/search-cookie";
import { firstParam } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forem.contracts");
  return { title: t("metaTitle") };
}

type Params = Record<string, string | string[] | undefined>;

export default async function ContractsRegisterPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await foremPageActor();
  const t = await getTranslations("forem.contracts");
  const enregistre = firstParam((await searchParams).enregistre);
  // The search comes from a POST (sealed cookie), never from the URL: a NISS stays out of it.
  const q = await recalledSearch(actor, "forem");
  const { total, rows } = await listContracts({ actor, query: q || undefined });
  return (
    <div>
      <ForemNav current="/forem" />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="flex gap-3 text-sm">
          <Link href="/forem/contrats/nouveau" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("newContract")}
          </Link>
          <a href="/forem/import" className="rounded border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100">
            {t("importFile")}
          </a>
        </div>
      </div>
      {enregistre && (
        <p role="status" className="mt-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-950">
          {t("saved")}
        </p>
      )}
      <div role="search" className="mt-6 max-w-xl">
        <ActionForm action={searchContractsAction} submitLabel={t("searchButton")} variant="secondary" label={t("searchLandmark")}>
          <TextField label={t("searchField")} name="q" defaultValue={q} />
        </ActionForm>
      </div>
      <p className="mt-4 text-sm text-slate-700">{t("count", { total, more: total > CONTRACTS_PAGE_SIZE ? "yes" : "no", shown: CONTRACTS_PAGE_SIZE })}</p>
      <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <ContractsTable rows={rows} />
      </div>
    </div>
  );
}
