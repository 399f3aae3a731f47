import { searchPeopleAction } from "@/app/(portal)/gestion/actions";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { TableHead } from "@/components/ui/table-head";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { canAnywhere } from "@/lib/access/can";
import type { RightCode } from "@/lib/access/catalogue";
import { searchPeople } from "@/lib/access/manage/search-people";
import { getActor } from "@/lib/auth/get-actor";
import { pageNumber } from "@/lib/http/page-number";
import { recalledSearch } from "@/lib/http/search-cookie";
import { firstParam } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access.search");
  return { title: t("metaTitle") };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  if (!canAnywhere(actor, "entity.search_people")) notFound();
  // The query comes from a POST (sealed cookie), never from the URL: a NISS stays out of it (and
  // out of the login page's callbackUrl). The URL carries the page number only, repeated or not.
  const q = await recalledSearch(actor, "recherche");
  const result = await searchPeople({ actor, query: q, page: pageNumber(firstParam((await searchParams).page)) });
  const t = await getTranslations("access");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("search.title")}</h1>
      <div role="search">
        <ActionForm action={searchPeopleAction} submitLabel={t("search.submit")} label={t("search.title")}>
          <TextField label={t("search.field")} name="q" defaultValue={q} />
        </ActionForm>
      </div>
      <p className="text-sm" role="status">
        {t("search.found", { count: result.total })}
      </p>
      <table className="w-full bg-white text-left text-sm">
        <caption className="sr-only">{t("search.caption")}</caption>
        <TableHead columns={[t("search.colPerson"), t("search.colStatus"), t("search.colRoles"), t("search.colRights")]} />
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
              <td>{t(`status.${p.status}`)}</td>
              <td>{p.roles.map((r) => `${t(`roles.${r.role}`)}${r.quality ? ` (${t(`qualities.${r.quality.type}`)})` : ""}`).join(", ") || "—"}</td>
              <td>{p.grants.map((g) => `${t(`rights.${g.rightCode as RightCode}.name`)} (${t(`qualities.${g.quality.type}`)})`).join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.pageCount > 1 && (
        <nav aria-label={t("form.pages")} className="flex gap-3 text-sm">
          {result.page > 1 && <Link href={`?page=${result.page - 1}`}>{t("form.previous")}</Link>}
          <span>{t("form.pageOf", { page: result.page, count: result.pageCount })}</span>
          {result.page < result.pageCount && <Link href={`?page=${result.page + 1}`}>{t("form.next")}</Link>}
        </nav>
      )}
    </div>
  );
}
