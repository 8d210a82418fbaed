import { type ColumnDataType, type Expression, sql } from 'kysely';
import type { Dialect } from './connection.ts';

type DataType = ColumnDataType | Expression<unknown>;

/**
 * Column types per dialect. On SQLite the declared names `boolean` and `json` are what the
 * adapter reads to convert values back (see sqlite-adapter.ts); timestamps are ISO text there.
 */
export function columnTypes(dialect: Dialect): {
  timestamp: DataType;
  json: DataType;
  boolean: DataType;
  float: DataType;
  autoId: DataType;
} {
  if (dialect === 'postgres') {
    return {
      timestamp: 'timestamptz',
      json: 'jsonb',
      boolean: 'boolean',
      float: 'double precision',
      autoId: 'bigserial',
    };
  }
  return { timestamp: 'text', json: sql`json`, boolean: 'boolean', float: 'real', autoId: 'integer' };
}
