// What the database holds, read from PostgreSQL's catalog: the platform's tables with their columns,
// the foreign keys between them, and the sequences behind bigserial ids.
import pg from 'pg';

/** Drizzle's record of applied migrations: written by migrating, never copied. */
export const MIGRATIONS_TABLE = 'schema_migration';

export type TableInfo = { name: string; columns: string[] };
export type ForeignKey = { child: string; parent: string };
export type SequenceInfo = { table: string; column: string; sequence: string };

type Queryable = Pick<pg.ClientBase, 'query'>;

export const quoteIdent = (name: string) => pg.escapeIdentifier(name);

export async function listTables(client: Queryable): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `select c.relname as name,
            array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> $1
      group by c.relname
      order by c.relname`,
    [MIGRATIONS_TABLE],
  );
  return rows;
}

/** Applied schema migrations, oldest first; none when the database was never migrated. */
export async function listAppliedMigrations(client: Queryable): Promise<{ hash: string; createdAt: number }[]> {
  const { rows: exists } = await client.query<{ t: string | null }>(`select to_regclass($1) as t`, [`public.${MIGRATIONS_TABLE}`]);
  if (!exists[0]?.t) return [];
  const { rows } = await client.query<{ hash: string; createdAt: string | number }>(`select hash, created_at as "createdAt" from ${quoteIdent(MIGRATIONS_TABLE)} order by id`);
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.createdAt) }));
}

export async function listForeignKeys(client: Queryable): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `select child.relname as child, parent.relname as parent
       from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_namespace n on n.oid = k.connamespace
      where k.contype = 'f' and n.nspname = 'public'`,
  );
  return rows;
}

export async function listSequences(client: Queryable): Promise<SequenceInfo[]> {
  const { rows } = await client.query<SequenceInfo>(
    `select t.relname as table, a.attname as column, pg_get_serial_sequence(format('%I.%I', n.nspname, t.relname), a.attname) as sequence
       from pg_class t
       join pg_namespace n on n.oid = t.relnamespace
       join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and t.relkind in ('r', 'p') and t.relname <> $1
        and pg_get_serial_sequence(format('%I.%I', n.nspname, t.relname), a.attname) is not null
      order by t.relname, a.attname`,
    [MIGRATIONS_TABLE],
  );
  return rows;
}

/**
 * Tables in an order where every table comes after the tables its foreign keys point to, so rows can be
 * loaded one table at a time. A table referring to itself is fine (COPY checks at the end of the
 * statement); a cycle between tables is not, and is reported.
 */
export function loadOrder(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const k of keys) if (k.child !== k.parent && parents.has(k.child) && parents.has(k.parent)) parents.get(k.child)!.add(k.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = [...tables].sort().filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (!ready.length) throw new Error(`foreign keys form a cycle between: ${tables.filter((t) => !placed.has(t)).join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

/**
 * xid8 (transaction id) columns. A column filled with the writing transaction's id by default is a
 * stamp; any other (a consumer's or the sequencer's last position) is a cursor.
 */
export type XidColumn = { table: string; column: string; cursor: boolean };

export async function listXidColumns(client: Queryable): Promise<XidColumn[]> {
  const { rows } = await client.query<XidColumn>(
    `select c.relname as table, a.attname as column, coalesce(pg_get_expr(d.adbin, d.adrelid) <> 'pg_current_xact_id()', true) as cursor
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
       left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.atttypid = 'xid8'::regtype
      order by c.relname, a.attname`,
  );
  return rows;
}
