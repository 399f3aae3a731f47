/**
 * A page number from a query string: a whole number from 1 to 10,000, anything else is page 1.
 * `Number("1e308") || 1` passes Infinity-sized offsets to Prisma (a 500): every paged page uses this.
 */
export function pageNumber(raw: unknown): number {
  const n = typeof raw === "string" && /^\d{1,5}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), 10_000);
}
