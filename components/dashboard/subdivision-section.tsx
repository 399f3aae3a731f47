import { useTranslations } from "next-intl";

import { ACCESS_RIGHTS, QUALITY_LABELS } from "@/lib/access/catalogue";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";

import { Figure, Section } from "./section";

const RIGHT_NAMES = new Map<string, string>(ACCESS_RIGHTS.map((r) => [r.code, r.name]));

export function SubdivisionSection({ subdivision }: { subdivision: Dashboard["subdivisions"][number] }) {
  const t = useTranslations("dashboard.subdivision");
  return (
    <Section id="subdivision" title={t("title", { name: subdivision.name })}>
      <p>{t("intro", { quality: QUALITY_LABELS[subdivision.quality.type] })}</p>
      <dl className="mt-3 grid gap-3 sm:grid-cols-3">
        <Figure label={t("members")} value={subdivision._count.members} />
      </dl>
      <ul className="mt-3 list-disc pl-5">
        {subdivision.rightCounts.map((r) => (
          <li key={r.rightCode}>
            {RIGHT_NAMES.get(r.rightCode) ?? r.rightCode} : {r.count}
          </li>
        ))}
      </ul>
    </Section>
  );
}
