import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

export function RecoveryCodes({ codes, isPending, onContinue }: { codes: string[]; isPending: boolean; onContinue: () => void }) {
  const t = useTranslations("auth.recovery");
  return (
    <section aria-labelledby="codes-titre" className="mt-4">
      <h2 id="codes-titre" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-2 text-sm">{t("intro")}</p>
      <ul className="mt-3 grid grid-cols-2 gap-2 font-mono text-sm" data-testid="codes-recuperation">
        {codes.map((c) => (
          <li key={c} className="rounded bg-slate-100 px-2 py-1 text-center">
            {c}
          </li>
        ))}
      </ul>
      <Button type="button" className="mt-6 w-full" isPending={isPending} onClick={onContinue}>
        {t("continue")}
      </Button>
    </section>
  );
}
