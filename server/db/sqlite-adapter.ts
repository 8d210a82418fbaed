import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SqliteDialect speaks better-sqlite3's shape; this adapts node:sqlite to it and
 * normalises values once, here, so the rest of the code sees the same types as on PostgreSQL:
 * booleans in and out (declared `boolean` columns), JSON parsed (declared `json` columns),
 * Dates written as ISO strings, undefined written as NULL.
 */
function toSqlite(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && !(value instanceof Uint8Array)) return JSON.stringify(value);
  return value as SQLInputValue;
}

type Converter = (value: unknown) => unknown;

function converterFor(declaredType: string | null): Converter | null {
  const type = declaredType?.toLowerCase();
  if (type === 'boolean') return (value) => (value === null ? null : value === 1 || value === 1n);
  if (type === 'json') return (value) => (typeof value === 'string' ? JSON.parse(value) : value);
  return null;
}

function wrapStatement(statement: StatementSync): SqliteStatement {
  const columns = statement.columns();
  const converters = columns
    .map((column) => ({ name: column.name, convert: converterFor(column.type) }))
    .filter((entry): entry is { name: string; convert: Converter } => entry.convert !== null);
  const normaliseRow = (row: unknown): unknown => {
    const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    for (const { name, convert } of converters) copy[name] = convert(copy[name]);
    return copy;
  };
  return {
    reader: columns.length > 0,
    all: (parameters) => statement.all(...parameters.map(toSqlite)).map(normaliseRow),
    run: (parameters) => statement.run(...parameters.map(toSqlite)),
    iterate: (parameters) => {
      const iterator = statement.iterate(...parameters.map(toSqlite));
      return (function* () {
        for (const row of iterator) yield normaliseRow(row);
      })();
    },
  };
}

export function openSqlite(filename: string): SqliteDatabase & { raw: DatabaseSync } {
  const raw = new DatabaseSync(filename);
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = NORMAL');
  raw.exec('PRAGMA foreign_keys = ON');
  raw.exec('PRAGMA busy_timeout = 5000');
  const cache = new Map<string, SqliteStatement>();
  return {
    raw,
    close: () => raw.close(),
    prepare: (sql) => {
      let statement = cache.get(sql);
      if (!statement) {
        statement = wrapStatement(raw.prepare(sql));
        if (cache.size > 500) cache.clear();
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
