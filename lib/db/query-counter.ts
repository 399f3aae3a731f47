/** Number of SQL statements the process's Prisma client has sent (see lib/db/client.ts). */
export const queryCounter = { count: 0 };

/** Runs `fn` and returns how many queries it sent. Meaningful only when nothing else runs meanwhile. */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const before = queryCounter.count;
  const result = await fn();
  return { result, queries: queryCounter.count - before };
}
