import { TableHead } from "@/components/ui/table-head";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { canAnywhere } from "@/lib/access/can";
import { ACCESS_RIGHTS, QUALITY_LABELS, ROLE_LABELS } from "@/lib/access/catalogue";
import { searchPeople } from "@/lib/access/manage/search-people";
import { getActor } from "@/lib/auth/get-actor";
import { pageNumber } from "@/lib/http/page-number";

export const metadata: Metadata = { title: "Recherche de personnes" };
const RIGHT_NAMES = new Map<string, string>(ACCESS_RIGHTS.map((r) => [r.code, r.name]));

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  if (!canAnywhere(actor, "entity.search_people")) notFound();
  const params = await searchParams;
  const q = (params.q ?? "").slice(0, 100);
  const result = await searchPeople({ actor, query: q, page: pageNumber(params.page) });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Rechercher une personne</h1>
      <form role="search" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          <span className="font-medium">Nom, e-mail ou numéro national</span>
          <input name="q" defaultValue={q} maxLength={100} className="mt-1 w-80 rounded border border-slate-400 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white">
          Rechercher
        </button>
      </form>
      <p className="text-sm" role="status">
        {result.total} personne(s) trouvée(s).
      </p>
      <table className="w-full bg-white text-left text-sm">
        <caption className="sr-only">Résultats de la recherche</caption>
        <TableHead columns={["Personne", "Statut", "Rôles", "Droits"]} />
        <tbody>
          {result.people.map((p) => (
            <tr key={p.id} className="border-b border-slate-100 align-top">
              <td className="py-2">
                {p.firstName} {p.lastName}
                <br />
                <span className="text-xs text-slate-700">{p.email}</span>
              </td>
              <td>{p.status === "ACTIVE" ? "actif" : p.status === "BLOCKED" ? "bloqué" : "invité"}</td>
              <td>{p.roles.map((r) => `${ROLE_LABELS[r.role]}${r.quality ? ` (${QUALITY_LABELS[r.quality.type]})` : ""}`).join(", ") || "—"}</td>
              <td>{p.grants.map((g) => `${RIGHT_NAMES.get(g.rightCode)} (${QUALITY_LABELS[g.quality.type]})`).join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.pageCount > 1 && (
        <nav aria-label="Pages" className="flex gap-3 text-sm">
          {result.page > 1 && <Link href={`?q=${encodeURIComponent(q)}&page=${result.page - 1}`}>← Précédente</Link>}
          <span>
            Page {result.page} / {result.pageCount}
          </span>
          {result.page < result.pageCount && <Link href={`?q=${encodeURIComponent(q)}&page=${result.page + 1}`}>Suivante →</Link>}
        </nav>
      )}
    </div>
  );
}
