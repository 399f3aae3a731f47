"use client";

// Shown for an unexpected error in a page: no stack trace, only the digest Next logs server-side.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="contenu" className="mx-auto max-w-xl p-8" role="alert">
      <h1 className="text-2xl font-semibold">Une erreur est survenue</h1>
      <p className="mt-4">L&apos;opération n&apos;a pas pu aboutir. Réessayez ; si le problème persiste, communiquez ce code au support :</p>
      <p className="mt-2 font-mono">{error.digest ?? "inconnu"}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white">
        Réessayer
      </button>
    </main>
  );
}
