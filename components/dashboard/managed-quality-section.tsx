import { useFormatter, useTranslations } from "next-intl";

import { qualityKey, rightNameKey, type RightCode } from "@/lib/access/catalogue";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";

import { Figure, Section } from "./section";

export function ManagedQualitySection({ quality }: { quality: Dashboard["managed"][number] }) {
  const t = useTranslations("dashboard.managed");
  const tAll = useTranslations();
  const label = tAll(qualityKey(quality.type));
  const total = quality.rightCounts.reduce((n, r) => n + r.count, 0);
  const rightName = (code: string) => (tAll.has(rightNameKey(code as RightCode)) ? tAll(rightNameKey(code as RightCode)) : code);
  const format = useFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <Section id={`gestion-${quality.type.toLowerCase()}`} title={t("title", { quality: label })}>
      <dl className="grid gap-3 sm:grid-cols-2">
        <Figure label={t("activeRights")} value={total} />
        <Figure label={t("expiringSoon")} value={quality.expiringSoon} tone={quality.expiringSoon ? "warn" : "neutral"} />
      </dl>
      {quality.openReview && (
        <p
          className={`mt-3 rounded border p-2 ${quality.openReview.deadline < new Date() ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50"}`}
        >
          {t("review", {
            count: quality.openReview._count.items,
            deadline: day(quality.openReview.deadline),
            overdue: quality.openReview.deadline < new Date() ? "yes" : "no",
          })}
        </p>
      )}
      <p className="mt-3">
        {quality.email ? t("email", { email: quality.email }) : t("emailMissing")} —{" "}
        <a href={`/gestion/qualites/${quality.id}`} className="text-brand-700 underline">
          {t("manage")}
        </a>
      </p>
      <h3 className="mt-4 font-medium">{t("byApplication")}</h3>
      <ul className="mt-1 list-disc pl-5">
        {quality.rightCounts.map((r) => (
          <li key={r.rightCode}>{t("rightCount", { right: rightName(r.rightCode), count: r.count })}</li>
        ))}
        {quality.rightCounts.length === 0 && <li>{t("noRights")}</li>}
      </ul>
      <h3 className="mt-4 font-medium">{t("recentGrants")}</h3>
      <ul className="mt-1 list-disc pl-5">
        {quality.recentGrants.map((g) => (
          <li key={g.id}>
            {g.validUntil
              ? t("grantUntil", {
                  name: `${g.person.firstName} ${g.person.lastName}`,
                  right: rightName(g.rightCode),
                  grantedAt: day(g.grantedAt),
                  until: day(g.validUntil),
                })
              : t("grant", { name: `${g.person.firstName} ${g.person.lastName}`, right: rightName(g.rightCode), grantedAt: day(g.grantedAt) })}
          </li>
        ))}
      </ul>
      <p className="mt-4">
        {quality.technicalUser
          ? t("technicalUser", { who: `${quality.technicalUser.firstName} ${quality.technicalUser.lastName} (${quality.technicalUser.email})` })
          : t("technicalUserMissing")}
      </p>
    </Section>
  );
}
