import { type Expression, type SqlBool, sql } from 'kysely';
import type { CampaignStream, MemberState } from '../../../shared/campaigns.ts';
import type { Db } from '../../db/connection.ts';
import type { MailingList } from '../../db/schema.ts';
import { likePattern } from '../../lib/text.ts';

export type ListCounts = { active: number; pending: number; unsubscribed: number };

export async function findList(db: Db, id: string): Promise<MailingList | undefined> {
  return db.selectFrom('mailing_lists').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Member counts per list, one grouped query. */
export async function countMembers(db: Db, listIds: string[]): Promise<Map<string, ListCounts>> {
  const counts = new Map<string, ListCounts>(
    listIds.map((id) => [id, { active: 0, pending: 0, unsubscribed: 0 }]),
  );
  if (listIds.length === 0) return counts;
  const rows = await db
    .selectFrom('list_members')
    .select(['list_id', 'state', sql<number>`count(*)`.as('count')])
    .where('list_id', 'in', listIds)
    .groupBy(['list_id', 'state'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.list_id);
    if (entry) entry[row.state] = Number(row.count);
  }
  return counts;
}

/** Lists that a campaign about to send (or sending) counts on: they cannot be deleted. */
export async function listsInUse(db: Db, listIds: string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('campaigns')
    .select('list_ids')
    .where('state', 'in', ['draft', 'scheduled', 'sending', 'paused'])
    .execute();
  const used = new Set<string>();
  for (const row of rows) for (const id of row.list_ids) if (listIds.includes(id)) used.add(id);
  return used;
}

export async function listLists(db: Db): Promise<MailingList[]> {
  return db
    .selectFrom('mailing_lists')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function listSubscribers(
  db: Db,
  listId: string,
  filter: { q?: string; state?: MemberState; limit: number; offset: number },
) {
  let query = db
    .selectFrom('list_members')
    .innerJoin('contacts', 'contacts.id', 'list_members.contact_id')
    .where('list_members.list_id', '=', listId);
  if (filter.state) query = query.where('list_members.state', '=', filter.state);
  if (filter.q) {
    const like = likePattern(filter.q.trim());
    query = query.where(
      sql<SqlBool>`lower(contacts.email || ' ' || contacts.first_name || ' ' || contacts.last_name) like ${like} escape '\\'`,
    );
  }
  const [items, total] = await Promise.all([
    query
      .select([
        'contacts.id',
        'contacts.email',
        'contacts.first_name',
        'contacts.last_name',
        'contacts.organisation',
        'list_members.state',
        'list_members.source',
        'list_members.subscribed_at',
        'list_members.unsubscribed_at',
        'list_members.created_at',
      ])
      .orderBy('contacts.email')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}

/** True when no mail of this stream may go to this address (the suppression list). */
export function isSuppressedSql(email: Expression<string>, stream: CampaignStream): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from suppressions s where s.email = ${email} and s.scope in ('*', ${stream}))`;
}

export async function suppressedAddresses(
  db: Db,
  emails: string[],
  stream: CampaignStream | null,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let index = 0; index < emails.length; index += 500) {
    const chunk = emails.slice(index, index + 500);
    let query = db.selectFrom('suppressions').select('email').where('email', 'in', chunk);
    if (stream) query = query.where('scope', 'in', ['*', stream]);
    for (const row of await query.execute()) found.add(row.email);
  }
  return found;
}
