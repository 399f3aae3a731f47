import Link from "next/link";

/** « Not found » inside the portal: in the portal's layout, whose <main id="contenu"> holds it. */
export default function PortalNotFound() {
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8">
      <h1 className="text-2xl font-semibold">Page introuvable</h1>
      <p className="mt-4">La page demandée n&apos;existe pas ou vous n&apos;y avez pas accès.</p>
      <p className="mt-6">
        <Link href="/tableau-de-bord" className="text-brand-700 underline">
          Retour au tableau de bord
        </Link>
      </p>
    </div>
  );
}
