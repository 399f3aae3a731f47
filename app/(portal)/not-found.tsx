import Link from "next/link";
import { useTranslations } from "next-intl";

/** « Not found » inside the portal: in the portal's layout, whose <main id="contenu"> holds it. */
export default function PortalNotFound() {
  const t = useTranslations("common.notFound");
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-4">{t("text")}</p>
      <p className="mt-6">
        <Link href="/tableau-de-bord" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
