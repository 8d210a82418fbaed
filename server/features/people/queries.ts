import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { likePattern } from '../../lib/text.ts';
import type { Grant } from '../auth/actor.ts';
import { type Actor, isAdmin } from '../auth/actor.ts';

export type PeopleFilter = {
  q?: string | undefined;
  skill?: string | undefined;
  lab?: string | undefined;
  delegation?: string | undefined;
  role?: string | undefined;
  limit: number;
  offset: number;
};

/** The people a list may show (policy read scope as a WHERE clause), with the filters applied. */
function filteredPeople(db: Db, actor: Actor | null, filter: PeopleFilter) {
  let query = db.selectFrom('people').where('people.deleted_at', 'is', null);
  if (!isAdmin(actor)) query = query.where('people.account_status', '!=', 'disabled');
  // SQLite has no default LIKE escape character: name it, so `_` and `%` stay literal on both dialects.
  if (filter.q)
    query = query.where(sql<boolean>`people.search_text like ${likePattern(filter.q)} escape '\\'`);
  if (filter.lab) query = query.where('people.lab_id', '=', filter.lab);
  if (filter.delegation) {
    const delegation = filter.delegation;
    query = query.where((eb) =>
      eb.or([
        eb(
          'people.lab_id',
          'in',
          eb.selectFrom('labs').select('labs.id').where('labs.delegation_id', '=', delegation),
        ),
        eb(
          'people.id',
          'in',
          eb
            .selectFrom('role_assignments')
            .select('role_assignments.person_id')
            .where('role_assignments.delegation_id', '=', delegation),
        ),
      ]),
    );
  }
  if (filter.skill) {
    const skill = filter.skill;
    query = query.where('people.id', 'in', (eb) =>
      eb
        .selectFrom('person_skills')
        .innerJoin('skills', 'skills.id', 'person_skills.skill_id')
        .select('person_skills.person_id')
        .where((inner) => inner.or([inner('skills.id', '=', skill), inner('skills.slug', '=', skill)])),
    );
  }
  if (filter.role) {
    const role = filter.role;
    query = query.where('people.id', 'in', (eb) =>
      eb
        .selectFrom('role_assignments')
        .select('role_assignments.person_id')
        .where('role_assignments.role', '=', role as never),
    );
  }
  return query;
}

export async function listPeople(db: Db, actor: Actor | null, filter: PeopleFilter) {
  const base = filteredPeople(db, actor, filter);
  const [rows, total] = await Promise.all([
    base
      .selectAll('people')
      .orderBy('people.sort_name')
      .orderBy('people.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.count) };
}

export async function findPerson(db: Db, id: string) {
  return db
    .selectFrom('people')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findPersonByEmail(db: Db, email: string) {
  return db.selectFrom('people').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

/** Roles and skills for a page of people, in two queries. */
export async function loadPeopleRelations(db: Db, personIds: string[]) {
  if (personIds.length === 0)
    return { grants: new Map<string, Grant[]>(), skills: new Map<string, SkillRef[]>() };
  const [roleRows, skillRows] = await Promise.all([
    db
      .selectFrom('role_assignments')
      .select(['person_id', 'role', 'lab_id', 'delegation_id'])
      .where('person_id', 'in', personIds)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('person_skills')
      .innerJoin('skills', 'skills.id', 'person_skills.skill_id')
      .select(['person_skills.person_id', 'skills.id', 'skills.slug', 'skills.name_fr', 'skills.name_en'])
      .where('person_skills.person_id', 'in', personIds)
      .orderBy('skills.name_fr')
      .execute(),
  ]);
  const grants = new Map<string, Grant[]>();
  for (const row of roleRows) {
    const list = grants.get(row.person_id) ?? [];
    list.push({ role: row.role, labId: row.lab_id, delegationId: row.delegation_id });
    grants.set(row.person_id, list);
  }
  const skills = new Map<string, SkillRef[]>();
  for (const row of skillRows) {
    const list = skills.get(row.person_id) ?? [];
    list.push({ id: row.id, slug: row.slug, nameFr: row.name_fr, nameEn: row.name_en });
    skills.set(row.person_id, list);
  }
  return { grants, skills };
}

export type SkillRef = { id: string; slug: string; nameFr: string; nameEn: string };
