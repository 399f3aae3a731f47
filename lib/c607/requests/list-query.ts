import { pageQuery } from "@/lib/http/search-params";

import { decodeCursor } from "./queue-cursor";
import { type TQueueFilter, ZQueueFilter } from "./schemas";

/**
 * A list page's query (/onem, /c607): one value per name, empty selects dropped. A bad filter is
 * ignored as a whole ("invalid filter"); a bad page link (a cursor that does not decode, or one of
 * the other list) only loses its position: the filters stay and the first page is shown.
 */
export function parseListQuery(
  raw: Record<string, string | string[] | undefined>,
  list: "q" | "c",
): { filter: TQueueFilter; query: Record<string, string>; invalid: "filter" | "cursor" | null } {
  const query = Object.fromEntries(Object.entries(pageQuery(raw)).filter(([, v]) => v !== ""));
  const parsed = ZQueueFilter.safeParse(query);
  if (parsed.success) {
    if (parsed.data.cursor === undefined || decodeCursor(parsed.data.cursor)?.list === list) return { filter: parsed.data, query, invalid: null };
  } else if (parsed.error.issues.some((i) => i.path[0] !== "cursor" && i.path[0] !== "page")) {
    return { filter: {}, query: {}, invalid: "filter" };
  }
  const { cursor: _cursor, page: _page, ...rest } = query;
  const again = ZQueueFilter.safeParse(rest);
  return again.success ? { filter: again.data, query: rest, invalid: "cursor" } : { filter: {}, query: {}, invalid: "filter" };
}
