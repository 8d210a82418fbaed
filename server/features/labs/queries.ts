import type { Db } from '../../db/connection.ts';
import { foldText } from '../../lib/text.ts';

export type LabFilter = {
  q?: string | undefined;
  delegation?: string | undefined;
  kind?: 'lab' | 'platform' | undefined;
};

export async function listLabs(db: Db, filter: LabFilter) {
  let query = db.selectFrom('labs').selectAll().where('deleted_at', 'is', null);
  if (filter.delegation) query = query.where('delegation_id', '=', filter.delegation);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const rows = await query.orderBy('acronym').execute();
  if (!filter.q) return rows;
  // Labs are few (≤ ~1,000 even CNRS-wide): fold accents in JS rather than per dialect in SQL.
  const needle = foldText(filter.q);
  return rows.filter((row) =>
    foldText(`${row.acronym} ${row.name} ${row.city} ${row.themes.join(' ')}`).includes(needle),
  );
}

export async function findLab(db: Db, id: string) {
  return db
    .selectFrom('labs')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findLabByAcronym(db: Db, acronym: string, exceptId?: string) {
  let query = db
    .selectFrom('labs')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['acronym']), '=', acronym.trim().toLowerCase()))
    .where('deleted_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** People counts and correspondents for a set of labs, in two queries. */
export async function loadLabStats(db: Db, labIds: string[]) {
  const counts = new Map<string, number>();
  const correspondents = new Map<string, Array<{ id: string; name: string; jobTitle: string }>>();
  if (labIds.length === 0) return { counts, correspondents };
  const [countRows, correspondentRows] = await Promise.all([
    db
      .selectFrom('people')
      .select((eb) => ['lab_id', eb.fn.countAll<number>().as('count')])
      .where('lab_id', 'in', labIds)
      .where('deleted_at', 'is', null)
      .where('account_status', '!=', 'disabled')
      .groupBy('lab_id')
      .execute(),
    db
      .selectFrom('role_assignments')
      .innerJoin('people', 'people.id', 'role_assignments.person_id')
      .select([
        'role_assignments.lab_id',
        'people.id',
        'people.first_name',
        'people.last_name',
        'people.job_title',
      ])
      .where('role_assignments.role', '=', 'correspondent')
      .where('role_assignments.lab_id', 'in', labIds)
      .where('people.deleted_at', 'is', null)
      .where('people.account_status', '!=', 'disabled')
      .orderBy('role_assignments.created_at')
      .execute(),
  ]);
  for (const row of countRows) if (row.lab_id) counts.set(row.lab_id, Number(row.count));
  for (const row of correspondentRows) {
    if (!row.lab_id) continue;
    const list = correspondents.get(row.lab_id) ?? [];
    list.push({ id: row.id, name: `${row.first_name} ${row.last_name}`, jobTitle: row.job_title });
    correspondents.set(row.lab_id, list);
  }
  return { counts, correspondents };
}
