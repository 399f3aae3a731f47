import Link from "next/link";
import { useTranslations } from "next-intl";

import type { Dashboard } from "@/lib/dashboard/get-dashboard";

import { Section } from "./section";

/** ONEM: the C60.7 requests the CPAS sent, waiting in « File ONEM » (issue 11). */
export function OnemQueueSection({ queue }: { queue: Dashboard["onemQueue"] }) {
  const t = useTranslations("dashboard.onem");
  if (!queue) {
    return (
      <Section id="onem" title={t("title")}>
        <p>{t("needsRole")}</p>
      </Section>
    );
  }
  return (
    <Section id="onem" title={t("title")}>
      <ul className="list-disc pl-5" data-testid="file-onem-compteurs">
        <li>{t.rich("toTake", { count: queue.toTake, strong: (chunks) => <strong>{chunks}</strong> })}</li>
        <li>{t.rich("inProgress", { count: queue.inProgress, strong: (chunks) => <strong>{chunks}</strong> })}</li>
        <li>
          {t.rich("overdue", { count: queue.overdue, strong: (chunks) => <strong className={queue.overdue ? "text-red-800" : undefined}>{chunks}</strong> })}
        </li>
      </ul>
      <p className="mt-2">
        <Link href="/onem" className="text-brand-700 underline">
          {t("open")}
        </Link>
      </p>
    </Section>
  );
}
