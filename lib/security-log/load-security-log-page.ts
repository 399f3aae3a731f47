import "server-only";

import type { Actor } from "@/lib/access/actor";

import { filtersToParams, ZPageCursor, ZSecurityLogFilters } from "./filters";
import { searchSecurityLog, type SecurityLogPage } from "./search-security-log";

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** What /securite shows for its URL: the page of events, the links that keep the filters, or the input's error. */
export async function loadSecurityLogPage(actor: Actor, params: Params) {
  const raw = { q: first(params.q), du: first(params.du), au: first(params.au), type: first(params.type) };
  const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v?.slice(0, 100)]));
  const filters = ZSecurityLogFilters.safeParse(raw);
  const cursor = ZPageCursor.safeParse({ apres: first(params.apres), avant: first(params.avant) });
  if (!filters.success || !cursor.success) {
    const issues = [...(filters.error?.issues ?? []), ...(cursor.error?.issues ?? [])];
    // Catalogue references (lib/i18n/message-ref.ts): the page shows them in the reader's language.
    return { values, errors: issues.map((i) => i.message), page: null, exportFields: {}, newerHref: null, olderHref: null } as const;
  }
  const page: SecurityLogPage = await searchSecurityLog({ actor, filters: filters.data, cursor: cursor.data });
  const base = filtersToParams(filters.data);
  const link = (key: "apres" | "avant", id: string | null) => {
    if (!id) return null;
    const p = new URLSearchParams(base);
    p.set(key, id);
    return `/securite?${p.toString()}`;
  };
  return {
    values,
    errors: [],
    page,
    // The export is a POST form (it is audited, and a searched name stays out of URLs): its fields.
    exportFields: Object.fromEntries(base.entries()) as Record<string, string>,
    newerHref: link("avant", page.newerThan),
    olderHref: link("apres", page.olderThan),
  } as const;
}
