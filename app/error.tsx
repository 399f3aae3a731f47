"use client";

import { useTranslations } from "next-intl";

// Shown for an unexpected error in a page: no stack trace, only the digest Next logs server-side.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <main id="contenu" className="mx-auto max-w-xl p-8" role="alert">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-4">{t("text")}</p>
      <p className="mt-2 font-mono">{error.digest ?? t("unknown")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white">
        {t("retry")}
      </button>
    </main>
  );
}
