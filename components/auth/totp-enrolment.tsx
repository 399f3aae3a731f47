import { useTranslations } from "next-intl";

export function TotpEnrolment({ secret, qrSvg }: { secret: string; qrSvg: string }) {
  const t = useTranslations("auth.enrolment");
  return (
    <section aria-labelledby="enrolement-titre" className="mt-4">
      <h2 id="enrolement-titre" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-2 text-sm">{t("intro")}</p>
      {/* Drawn on our server from the secret: no third-party QR service sees it. */}
      <div className="mx-auto mt-4 w-48" role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p className="mt-3 text-sm">{t("manualKey")}</p>
      <p className="mt-1 break-all rounded bg-slate-100 p-2 text-center font-mono text-sm" data-testid="totp-secret">
        {secret}
      </p>
    </section>
  );
}
