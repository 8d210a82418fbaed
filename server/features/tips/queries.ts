import type { ExpressionBuilder } from 'kysely';
import type { TipState } from '../../../shared/stories.ts';
import type { Db } from '../../db/connection.ts';
import type { Database, Tip } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';

type Eb = ExpressionBuilder<Database, 'tips'>;

/** tipPolicy.read as a WHERE clause: lists never filter in memory. */
export function visibleTips(eb: Eb, actor: Actor) {
  if (actor.roles.has('cell')) return eb.val(true);
  const labs = [...actor.correspondentLabIds];
  return eb.or([
    eb('tips.author_id', '=', actor.id),
    ...(labs.length ? [eb('tips.lab_id', 'in', labs)] : []),
  ]);
}

export type TipFilter = { state?: TipState | undefined; lab?: string | undefined };

export async function listTips(
  db: Db,
  actor: Actor,
  filter: TipFilter & { limit: number; offset: number },
): Promise<{ rows: Tip[]; total: number }> {
  const base = db
    .selectFrom('tips')
    .where((eb) =>
      eb.and([
        visibleTips(eb, actor),
        ...(filter.state ? [eb('tips.state', '=', filter.state)] : []),
        ...(filter.lab ? [eb('tips.lab_id', '=', filter.lab)] : []),
      ]),
    );
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('tips.created_at', 'desc')
      .orderBy('tips.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.count) };
}

export async function findTip(db: Db, id: string) {
  return db.selectFrom('tips').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Names of the tippers and acronyms of the labs of a page of tips, in two queries. */
export async function loadTipRelations(db: Db, tips: Tip[]) {
  const authorIds = [...new Set(tips.map((tip) => tip.author_id))];
  const labIds = [...new Set(tips.map((tip) => tip.lab_id))];
  const [people, labs] = await Promise.all([
    authorIds.length
      ? db
          .selectFrom('people')
          .select(['id', 'first_name', 'last_name'])
          .where('id', 'in', authorIds)
          .execute()
      : [],
    labIds.length ? db.selectFrom('labs').select(['id', 'acronym']).where('id', 'in', labIds).execute() : [],
  ]);
  return {
    authors: new Map(people.map((row) => [row.id, `${row.first_name} ${row.last_name}`])),
    labs: new Map(labs.map((row) => [row.id, row.acronym])),
  };
}

/** The correspondents of a lab: who receives its tips. */
export async function correspondentsOf(db: Db, labId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select('person_id')
    .where('role', '=', 'correspondent')
    .where('lab_id', '=', labId)
    .execute();
  return rows.map((row) => row.person_id);
}
