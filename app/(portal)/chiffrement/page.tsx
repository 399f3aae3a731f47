import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { FileCryptoHelp, FileCryptoIntro } from "@/components/forem/file-crypto-help";
import { FileCryptoIsland } from "@/components/forem/file-crypto-island";
import { getActor } from "@/lib/auth/get-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("encryption.page");
  return { title: t("title") };
}

// The encryption itself runs in the browser; the server only decides who sees the page.
export default async function FileCryptoPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  // The FOREM Impulsion list is sent by CPAS (seed 000): other entities get the same 404 as a missing page.
  if (actor.entityKind !== "CPAS") notFound();
  const t = await getTranslations("encryption.page");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="mt-2">
          <FileCryptoIntro />
        </div>
      </div>
      <FileCryptoIsland />
      <FileCryptoHelp />
    </div>
  );
}
