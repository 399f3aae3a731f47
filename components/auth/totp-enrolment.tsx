export function TotpEnrolment({ secret, qrSvg }: { secret: string; qrSvg: string }) {
  return (
    <section aria-labelledby="enrolement-titre" className="mt-4">
      <h2 id="enrolement-titre" className="text-lg font-semibold">
        Activez la double authentification
      </h2>
      <p className="mt-2 text-sm">
        Les mesures de sécurité de la BCSS imposent un second facteur. Scannez ce code QR avec votre application d&apos;authentification (par exemple FreeOTP,
        Aegis, Microsoft ou Google Authenticator), puis saisissez le code affiché.
      </p>
      {/* Drawn on our server from the secret: no third-party QR service sees it. */}
      <div className="mx-auto mt-4 w-48" role="img" aria-label="Code QR de configuration" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p className="mt-3 text-sm">Ou saisissez cette clé à la main :</p>
      <p className="mt-1 break-all rounded bg-slate-100 p-2 text-center font-mono text-sm" data-testid="totp-secret">
        {secret}
      </p>
    </section>
  );
}
