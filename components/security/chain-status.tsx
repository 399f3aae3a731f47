import { getLocale, getTranslations } from "next-intl/server";

import { localeOfTag } from "@/lib/i18n/request-locale";
import { localize } from "@/lib/i18n/translator";
import { getChainStatus } from "@/lib/security-log/chain-status";
import { formatBrusselsTime } from "@/lib/security-log/filters";

/**
 * Streams in after the table. Verified from where the last full verification left the chain
 * (issue 15), whose time it shows; without one, the whole chain is walked here.
 */
export async function ChainStatus({ entityId }: { entityId: string }) {
  const [report, t, tag] = await Promise.all([getChainStatus(entityId), getTranslations("securityLog.page"), getLocale()]);
  const locale = localeOfTag(tag);
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return report.ok ? (
    <p data-testid="etat-chaine" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
      {t.rich("chainIntact", { count: report.checked, strong })}{" "}
      <span data-testid="verification-complete">
        {report.fullyVerifiedAt ? t("chainFullyVerified", { at: formatBrusselsTime(report.fullyVerifiedAt, locale) }) : t("chainFullyVerifiedNow")}
      </span>
    </p>
  ) : (
    <p data-testid="etat-chaine" role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {t.rich("chainBroken", { count: report.checked, brokenAt: localize(locale, report.brokenAt), reason: localize(locale, report.reason), strong })}
    </p>
  );
}
