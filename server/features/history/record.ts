import type { Db } from '../../db/connection.ts';
import { newId } from '../../lib/tokens.ts';

export type EventInput = {
  actorId: string | null;
  subjectType: string;
  subjectId: string;
  action: string;
  data?: Record<string, unknown>;
  at: string;
};

/** Appends to the history. Call it inside the transaction of the change it records. */
export async function recordEvent(db: Db, event: EventInput): Promise<void> {
  await db
    .insertInto('events')
    .values({
      id: newId(),
      actor_id: event.actorId,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      action: event.action,
      data: JSON.stringify(event.data ?? {}),
      created_at: event.at,
    })
    .execute();
}

/** The fields that differ between two versions of a row: `{ field: [before, after] }`. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = [before[key], value];
  }
  return changes;
}
