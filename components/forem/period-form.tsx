import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** A plain GET form: the period lives in the URL, so the preview can be reloaded and shared. */
export function PeriodForm({ from, to, errors }: { from?: string; to?: string; errors?: Record<string, string[]> }) {
  const t = useTranslations("forem.export");
  return (
    <form method="get" action="/forem/fichier" aria-label={t("periodLabel")} className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 className="text-lg font-semibold">{t("periodTitle")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("periodIntro")}</p>
      <div className="grid max-w-xl gap-x-4 sm:grid-cols-2">
        <Field label={t("from")} name="du" type="date" required defaultValue={from} errors={errors?.from} />
        <Field label={t("to")} name="au" type="date" required defaultValue={to} errors={errors?.to} />
      </div>
      <Button type="submit" variant="secondary" className="mt-4">
        {t("showPreview")}
      </Button>
    </form>
  );
}
