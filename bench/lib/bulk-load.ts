import type pg from "pg";

// Bulk loads into a fresh benchmark database (never a live one): a table's secondary indexes and
// foreign keys are dropped before the load and made again after it, from the definitions
// PostgreSQL itself gives for them before the drop (pg_indexes.indexdef, pg_get_constraintdef) —
// that is, exactly as the migrations made them. Building an index once over two million rows is
// far cheaper than keeping six of them up to date row by row (issue 15, goal 3: 1,317 s before).
// The primary key and the indexes behind constraints stay. After the load the definitions are
// read again and must be the same as before, else the run stops.

type Definitions = { indexes: Map<string, string>; foreignKeys: Map<string, string> };

async function definitionsOf(client: pg.Client, table: string): Promise<Definitions & { constraintIndexes: Set<string> }> {
  const indexes = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1`,
    [table],
  );
  const constraints = await client.query<{ conname: string; contype: string; def: string; indexname: string | null }>(
    `SELECT c.conname, c.contype, pg_get_constraintdef(c.oid) AS def, i.relname AS indexname
     FROM pg_constraint c LEFT JOIN pg_class i ON i.oid = c.conindid AND c.contype IN ('p', 'u', 'x')
     WHERE c.conrelid = format('%I', $1::text)::regclass`,
    [table],
  );
  return {
    indexes: new Map(indexes.rows.map((r) => [r.indexname, r.indexdef])),
    foreignKeys: new Map(constraints.rows.filter((c) => c.contype === "f").map((c) => [c.conname, c.def])),
    constraintIndexes: new Set(constraints.rows.flatMap((c) => (c.indexname ? [c.indexname] : []))),
  };
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

function sameDefinitions(a: Map<string, string>, b: Map<string, string>): string[] {
  const diff: string[] = [];
  for (const [name, def] of a) if (b.get(name) !== def) diff.push(`${name}: ${def} ≠ ${b.get(name) ?? "(absent)"}`);
  for (const name of b.keys()) if (!a.has(name)) diff.push(`${name}: en trop`);
  return diff;
}

/**
 * Runs `load` with the secondary indexes and foreign keys of `tables` dropped, then makes them
 * again (same text) and checks them; returns the seconds spent making them again.
 */
export async function withoutIndexes(client: pg.Client, tables: string[], load: () => Promise<void>): Promise<number> {
  const before = new Map<string, Awaited<ReturnType<typeof definitionsOf>>>();
  for (const table of tables) {
    const defs = await definitionsOf(client, table);
    before.set(table, defs);
    for (const name of defs.foreignKeys.keys()) await client.query(`ALTER TABLE ${quoted(table)} DROP CONSTRAINT ${quoted(name)}`);
    for (const name of defs.indexes.keys()) if (!defs.constraintIndexes.has(name)) await client.query(`DROP INDEX ${quoted(name)}`);
  }
  await load();
  const t0 = Date.now();
  await client.query("SET maintenance_work_mem = '512MB'");
  for (const [table, defs] of before) {
    for (const [name, def] of defs.indexes) if (!defs.constraintIndexes.has(name)) await client.query(def);
    for (const [name, def] of defs.foreignKeys) await client.query(`ALTER TABLE ${quoted(table)} ADD CONSTRAINT ${quoted(name)} ${def}`);
    const after = await definitionsOf(client, table);
    const diff = [...sameDefinitions(defs.indexes, after.indexes), ...sameDefinitions(defs.foreignKeys, after.foreignKeys)];
    if (diff.length) throw new Error(`Index ou clés de ${table} refaits autrement qu'avant le chargement :\n${diff.join("\n")}`);
  }
  await client.query("RESET maintenance_work_mem");
  return (Date.now() - t0) / 1000;
}
