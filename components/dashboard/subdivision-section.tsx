import { useTranslations } from "next-intl";

import { qualityKey, rightNameKey, type RightCode } from "@/lib/access/catalogue";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";

import { Figure, Section } from "./section";

export function SubdivisionSection({ subdivision }: { subdivision: Dashboard["subdivisions"][number] }) {
  const t = useTranslations("dashboard.subdivision");
  const tAll = useTranslations();
  const rightName = (code: string) => (tAll.has(rightNameKey(code as RightCode)) ? tAll(rightNameKey(code as RightCode)) : code);
  return (
    <Section id="subdivision" title={t("title", { name: subdivision.name })}>
      <p>{t("intro", { quality: tAll(qualityKey(subdivision.quality.type)) })}</p>
      <dl className="mt-3 grid gap-3 sm:grid-cols-3">
        <Figure label={t("members")} value={subdivision._count.members} />
      </dl>
      <ul className="mt-3 list-disc pl-5">
        {subdivision.rightCounts.map((r) => (
          <li key={r.rightCode}>{t("rightCount", { right: rightName(r.rightCode), count: r.count })}</li>
        ))}
      </ul>
    </Section>
  );
}
