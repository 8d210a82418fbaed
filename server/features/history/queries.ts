import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/connection.ts';

export const HistorySchema = Type.Object({
  id: Type.String(),
  action: Type.String(),
  at: Type.String(),
  actor: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
});

/** The history of one object, newest first, with who did each change. */
export async function listHistory(db: Db, subjectType: string, subjectId: string, limit = 200) {
  const rows = await db
    .selectFrom('events')
    .leftJoin('people', 'people.id', 'events.actor_id')
    .select([
      'events.id',
      'events.action',
      'events.created_at',
      'events.data',
      'events.actor_id',
      'people.first_name',
      'people.last_name',
    ])
    .where('events.subject_type', '=', subjectType)
    .where('events.subject_id', '=', subjectId)
    .orderBy('events.created_at', 'desc')
    .orderBy('events.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    at: row.created_at,
    actor: row.actor_id
      ? { id: row.actor_id, name: `${row.first_name ?? ''} ${row.last_name ?? ''}`.trim() }
      : null,
    data: row.data,
  }));
}
