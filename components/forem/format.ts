import { formatDate } from "@/lib/forem/dates";

/** A calendar day (YYYY-MM-DD) as 31/03/2026: read the same way in French and in Dutch (Belgium). */
export const day = (d: string | null | undefined) => (d ? formatDate(d) : "—");
