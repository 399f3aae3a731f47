import Link from "next/link";

export default function NotFound() {
  return (
    <main id="contenu" className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">Page introuvable</h1>
      <p className="mt-4">La page demandée n&apos;existe pas ou vous n&apos;y avez pas accès.</p>
      <Link href="/tableau-de-bord" className="mt-6 inline-block text-brand-700 underline">
        Retour au tableau de bord
      </Link>
    </main>
  );
}
