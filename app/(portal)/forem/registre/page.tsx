import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ForemNav } from "@/components/forem/forem-nav";
import { TransmissionsTable } from "@/components/forem/transmissions-table";
import { listTransmissions } from "@/lib/forem/export/list-transmissions";
import { foremPageActor } from "@/lib/forem/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forem.transmissions");
  return { title: t("title") };
}

export default async function TransmissionsPage() {
  const actor = await foremPageActor();
  const t = await getTranslations("forem.transmissions");
  const rows = await listTransmissions({ actor });
  return (
    <div>
      <ForemNav current="/forem/registre" />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-700">{t("intro")}</p>
      <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <TransmissionsTable rows={rows} />
      </div>
    </div>
  );
}
