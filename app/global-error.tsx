"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="fr-BE">
      <body>
        <main style={{ maxWidth: 600, margin: "2rem auto", fontFamily: "sans-serif" }}>
          <h1>Le portail est momentanément indisponible</h1>
          <p>Réessayez dans quelques instants. Code à communiquer au support : {error.digest ?? "inconnu"}</p>
        </main>
      </body>
    </html>
  );
}
