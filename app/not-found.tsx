import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";

import PortalNotFound from "./(portal)/not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.notFound");
  return { title: t("title") };
}

/**
 * An address that matches nothing (issue 11): the portal's look, a way back, and its own main
 * landmark — this page renders in the root layout only (the portal's pages have their own
 * not-found, inside their layout's <main>). Rendered per request, not prerendered: Next then puts
 * the request's CSP nonce on its scripts, which a static page could not carry (they were blocked).
 */
export default async function NotFound() {
  await connection();
  const t = await getTranslations("common");
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-7xl px-4 py-3">
          <p className="text-sm font-semibold text-brand-700">{t("portalName")}</p>
        </div>
      </header>
      <main id="contenu" className="mx-auto max-w-7xl px-4 py-10">
        <PortalNotFound />
      </main>
    </>
  );
}
