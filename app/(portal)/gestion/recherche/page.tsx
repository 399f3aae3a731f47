import { searchPeopleAction } from "@/app/(portal)/gestion/actions";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { TableHead } from "@/components/ui/table-head";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { canAnywhere } from "@/lib/access/can";
import { ACCESS_RIGHTS, QUALITY_LABELS, ROLE_LABELS } from "@/lib/access/catalogue";
import { searchPeople } from "@/lib/access/manage/search-people";
import { getActor } from "@/lib/auth/get-actor";
import { pageNumber } from "@/lib/http/page-number";
import { recalledSearch } from "@/lib/http/search-cookie";
import { firstParam } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Recherche de personnes" };
const RIGHT_NAMES = new Map<string, string>(ACCESS_RIGHTS.map((r) => [r.code, r.name]));

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  if (!canAnywhere(actor, "entity.search_people")) notFound();
  // The query comes from a POST (sealed cookie), never from the URL: a NISS stays out of it (and
  // out of the login page's callbackUrl). The URL carries the page number only, repeated or not.
  const q = await recalledSearch(actor, "recherche");
  const result = await searchPeople({ actor, query: q, page: pageNumber(firstParam((await searchParams).page)) });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Rechercher une personne</h1>
      <div role="search">
        <ActionForm action={searchPeopleAction} submitLabel="Rechercher" label="Rechercher une personne">
          <TextField label="Nom, e-mail ou numéro national" name="q" defaultValue={q} />
        </ActionForm>
      </div>
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
                <Link href={`/gestion/personnes/${p.id}`} className="text-brand-700 underline">
                  {p.firstName} {p.lastName}
                </Link>
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
          {result.page > 1 && <Link href={`?page=${result.page - 1}`}>← Précédente</Link>}
          <span>
            Page {result.page} / {result.pageCount}
          </span>
          {result.page < result.pageCount && <Link href={`?page=${result.page + 1}`}>Suivante →</Link>}
        </nav>
      )}
    </div>
  );
}
