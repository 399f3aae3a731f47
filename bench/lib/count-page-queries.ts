import { searchPeople } from "@/lib/access/manage/search-people";
import { loadQualityManagement } from "@/lib/access/manage/load-quality-management";
import { loadActor } from "@/lib/auth/load-actor";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { countQueries } from "@/lib/db/query-counter";

import type { Fixture } from "./build-fixture";

// SQL statements sent by what each measured page calls, in this process (the counter is
// per process): the actor's load, then the page's domain function. The portal layout adds one
// fixed lookup (the entity's name) to every page; it is not counted here.

export type QueryCounts = Record<string, number>;

export const COUNTED = ["actor", "dashboard", "search-name", "search-niss", "quality-page"] as const;

export async function countPageQueries(f: Fixture): Promise<QueryCounts> {
  const { result: actor, queries: actorQueries } = await countQueries(() => loadActor(f.sessionId, { touch: false }));
  if (!actor) throw new Error(`Session du gestionnaire (centre de ${f.size}) refusée.`);
  const dashboard = await countQueries(() => getDashboard(actor));
  const byName = await countQueries(() => searchPeople({ actor, query: "Nom12" }));
  const byNiss = await countQueries(() => searchPeople({ actor, query: f.niss }));
  const quality = await countQueries(() => loadQualityManagement(actor, f.qualityId, 1));
  // Equal counts mean little if a page found nothing: check that each one saw the data.
  if (dashboard.result.entity?._count.people !== f.size + 1)
    throw new Error(`Tableau de bord : ${dashboard.result.entity?._count.people} personnes au lieu de ${f.size + 1}.`);
  if (byName.result.total < 1 || byNiss.result.total !== 1)
    throw new Error(`Recherche : ${byName.result.total} résultat(s) « Nom12 », ${byNiss.result.total} par NISS.`);
  if (quality.result.total !== f.size + 1) throw new Error(`Page de qualité : ${quality.result.total} utilisateurs au lieu de ${f.size + 1}.`);
  return {
    actor: actorQueries,
    dashboard: dashboard.queries,
    "search-name": byName.queries,
    "search-niss": byNiss.queries,
    "quality-page": quality.queries,
  };
}
