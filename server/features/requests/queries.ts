import { type ExpressionBuilder, sql } from 'kysely';
import { type RequestBox, type RequestState, requestStates } from '../../../shared/requests.ts';
import type { Db } from '../../db/connection.ts';
import type { Database, Request } from '../../db/schema.ts';
import { likePattern } from '../../lib/text.ts';
import type { Actor } from '../auth/actor.ts';
import { visibleStories } from '../stories/queries.ts';
import type { RequestFacts } from './policy.ts';

type Eb = ExpressionBuilder<Database, 'requests'>;

const labStates = ['open', 'closed'] as const;

const targetsAnyOf = (eb: Eb, labIds: string[]) =>
  eb.exists(
    eb
      .selectFrom('request_targets')
      .select('request_targets.lab_id')
      .whereRef('request_targets.request_id', '=', 'requests.id')
      .where('request_targets.lab_id', 'in', labIds),
  );

/** The requester's side (policy.isRequesterSide) as a WHERE clause. */
function requesterSide(eb: Eb, actor: Actor) {
  const conditions = [eb('requests.requester_id', '=', actor.id)];
  if (actor.roles.has('dircom')) conditions.push(eb('requests.origin', '=', 'dircom'));
  if (actor.delegationIds.size > 0) {
    conditions.push(
      eb.and([
        eb('requests.origin', '=', 'dr_officer'),
        eb('requests.delegation_id', 'in', [...actor.delegationIds]),
      ]),
    );
  }
  return eb.or(conditions);
}

/**
 * requestPolicy.read as a WHERE clause: lists, search and counts never filter in memory. Keep the
 * two in step (the policy table test checks one, the HTTP tests the other).
 */
export function visibleRequests(eb: Eb, actor: Actor | null) {
  if (!actor) return eb.val(false);
  if (actor.roles.has('cell') || actor.roles.has('admin')) return eb.val(true);
  const labs = [...actor.labIds];
  return eb.or([
    requesterSide(eb, actor),
    ...(labs.length ? [eb.and([eb('requests.state', 'in', [...labStates]), targetsAnyOf(eb, labs)])] : []),
  ]);
}

/** Answers a person may read, as a WHERE clause over request_answers (with its request joined). */
function answerVisibleTo(
  eb: ExpressionBuilder<Database, 'requests' | 'request_answers'>,
  actor: Actor,
  seesAll: boolean,
) {
  if (seesAll) return eb.val(true);
  const labs = [...actor.labIds];
  return eb.or([
    requesterSide(eb as unknown as Eb, actor),
    ...(labs.length ? [eb('request_answers.lab_id', 'in', labs)] : []),
  ]);
}

export type RequestFilter = {
  state?: RequestState[] | undefined;
  box?: RequestBox | undefined;
  q?: string | undefined;
  lab?: string | undefined;
  /** Only requests still open where one of my labs has not answered yet (what waits for me). */
  waiting?: boolean | undefined;
};

export async function listRequests(
  db: Db,
  actor: Actor,
  filter: RequestFilter & { limit: number; offset: number },
): Promise<{ rows: Request[]; total: number }> {
  const seesAll = actor.roles.has('cell') || actor.roles.has('admin');
  const base = db.selectFrom('requests').where((eb) => {
    const conditions = [visibleRequests(eb, actor)];
    if (filter.state?.length) {
      const states = requestStates.filter((state) => filter.state!.includes(state));
      conditions.push(eb('requests.state', 'in', states));
    }
    if (filter.box === 'to_route') conditions.push(eb('requests.state', '=', 'to_route'));
    if (filter.box === 'mine') conditions.push(requesterSide(eb, actor));
    if (filter.box === 'for_my_lab') {
      const labs = [...actor.labIds];
      conditions.push(
        labs.length
          ? eb.and([eb('requests.state', 'in', [...labStates]), targetsAnyOf(eb, labs)])
          : eb.val(false),
      );
    }
    if (filter.lab) conditions.push(targetsAnyOf(eb, [filter.lab]));
    if (filter.waiting) {
      const labs = [...actor.labIds];
      conditions.push(
        labs.length
          ? eb.and([
              eb('requests.state', '=', 'open'),
              eb.exists(
                eb
                  .selectFrom('request_targets')
                  .select('request_targets.lab_id')
                  .whereRef('request_targets.request_id', '=', 'requests.id')
                  .where('request_targets.lab_id', 'in', labs)
                  .where('request_targets.state', 'in', ['not_seen', 'seen']),
              ),
            ])
          : eb.val(false),
      );
    }
    if (filter.q?.trim()) {
      const pattern = likePattern(filter.q.trim());
      conditions.push(
        eb.or([
          sql<boolean>`requests.search_text like ${pattern} escape '\\'`,
          eb.exists(
            eb
              .selectFrom('request_answers')
              .select('request_answers.id')
              .whereRef('request_answers.request_id', '=', 'requests.id')
              .where(sql<boolean>`request_answers.search_text like ${pattern} escape '\\'`)
              .where((inner) => answerVisibleTo(inner, actor, seesAll)),
          ),
        ]),
      );
    }
    return eb.and(conditions);
  });
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('requests.created_at', 'desc')
      .orderBy('requests.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.count) };
}

export async function findRequest(db: Db, id: string) {
  return db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Targets of some requests with their labs; `onlyLabs`: just those labs (a page of a list). */
export async function loadTargets(db: Db, requestIds: string[], onlyLabs?: string[]) {
  if (requestIds.length === 0 || onlyLabs?.length === 0) return [];
  let query = db
    .selectFrom('request_targets')
    .innerJoin('labs', 'labs.id', 'request_targets.lab_id')
    .select([
      'request_targets.request_id',
      'request_targets.lab_id',
      'request_targets.person_ids',
      'request_targets.state',
      'request_targets.seen_at',
      'request_targets.answered_at',
      'labs.acronym',
      'labs.name',
    ])
    .where('request_targets.request_id', 'in', requestIds)
    .orderBy('labs.acronym');
  if (onlyLabs) query = query.where('request_targets.lab_id', 'in', onlyLabs);
  return query.execute();
}
export type TargetRow = Awaited<ReturnType<typeof loadTargets>>[number];

export type BoardSummary = {
  labs: number;
  notSeen: number;
  seen: number;
  answered: number;
  declined: number;
  late: number;
};

/**
 * The board of each request in numbers, counted by the database: a list of requests sent to a
 * thousand labs each does not load a thousand rows per item.
 */
export async function summarizeTargets(db: Db, requestIds: string[], nowIso: string) {
  const summaries = new Map<string, BoardSummary>();
  if (requestIds.length === 0) return summaries;
  const rows = await db
    .selectFrom('request_targets')
    .innerJoin('requests', 'requests.id', 'request_targets.request_id')
    .select((eb) => [
      'request_targets.request_id',
      'request_targets.state',
      eb.fn.countAll<number>().as('count'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.fn.coalesce('request_targets.answered_at', eb.val(nowIso)),
              '>',
              eb.ref('requests.deadline_at'),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('late'),
    ])
    .where('request_targets.request_id', 'in', requestIds)
    .groupBy(['request_targets.request_id', 'request_targets.state'])
    .execute();
  const keys = { not_seen: 'notSeen', seen: 'seen', answered: 'answered', declined: 'declined' } as const;
  for (const row of rows) {
    const summary = summaries.get(row.request_id) ?? {
      labs: 0,
      notSeen: 0,
      seen: 0,
      answered: 0,
      declined: 0,
      late: 0,
    };
    summary.labs += Number(row.count);
    summary[keys[row.state]] += Number(row.count);
    summary.late += Number(row.late ?? 0);
    summaries.set(row.request_id, summary);
  }
  return summaries;
}

export function requestFacts(request: Request, targets: TargetRow[]): RequestFacts {
  return {
    requester_id: request.requester_id,
    origin: request.origin,
    delegation_id: request.delegation_id,
    state: request.state,
    labIds: targets.filter((target) => target.request_id === request.id).map((target) => target.lab_id),
  };
}

export async function personNames(db: Db, ids: Array<string | null>) {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((row) => [row.id, `${row.first_name} ${row.last_name}`]));
}

export async function loadAnswers(db: Db, requestId: string) {
  return db
    .selectFrom('request_answers')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findAnswer(db: Db, requestId: string, answerId: string) {
  return db
    .selectFrom('request_answers')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('id', '=', answerId)
    .executeTakeFirst();
}

export async function loadAnswerFiles(db: Db, answerIds: string[]) {
  if (answerIds.length === 0) return [];
  return db
    .selectFrom('request_answer_files')
    .selectAll()
    .where('answer_id', 'in', answerIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function loadReminders(db: Db, requestId: string) {
  return db
    .selectFrom('request_reminders')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('step', 'desc')
    .execute();
}

/** The correspondents of some labs (active accounts), per lab. */
export async function correspondentsOfLabs(db: Db, labIds: string[]) {
  const byLab = new Map<string, string[]>();
  if (labIds.length === 0) return byLab;
  const rows = await db
    .selectFrom('role_assignments')
    .innerJoin('people', 'people.id', 'role_assignments.person_id')
    .select(['role_assignments.lab_id', 'role_assignments.person_id'])
    .where('role_assignments.role', '=', 'correspondent')
    .where('role_assignments.lab_id', 'in', labIds)
    .where('people.account_status', '=', 'active')
    .where('people.deleted_at', 'is', null)
    .execute();
  for (const row of rows) {
    if (!row.lab_id) continue;
    byLab.set(row.lab_id, [...(byLab.get(row.lab_id) ?? []), row.person_id]);
  }
  return byLab;
}

export async function peopleWithRole(db: Db, role: 'cell') {
  const rows = await db.selectFrom('role_assignments').select('person_id').where('role', '=', role).execute();
  return rows.map((row) => row.person_id);
}

/** The directory's experts named in answers: name, email and lab. */
export async function loadExperts(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; email: string; labAcronym: string | null }>();
  const rows = await db
    .selectFrom('people')
    .leftJoin('labs', 'labs.id', 'people.lab_id')
    .select(['people.id', 'people.first_name', 'people.last_name', 'people.email', 'labs.acronym'])
    .where('people.id', 'in', ids)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      { name: `${row.first_name} ${row.last_name}`, email: row.email, labAcronym: row.acronym ?? null },
    ]),
  );
}

/** Titles of the linked stories this person may read now (embargo included); the others are left out. */
export async function readableStoryTitles(db: Db, actor: Actor, ids: string[], now: string) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('stories')
    .select(['id', 'title'])
    .where('id', 'in', ids)
    .where((eb) => visibleStories(eb, actor, now))
    .execute();
  return new Map(rows.map((row) => [row.id, row.title]));
}

export const findReminder = (db: Db, requestId: string, reminderId: string) =>
  db
    .selectFrom('request_reminders')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('id', '=', reminderId)
    .executeTakeFirst();
