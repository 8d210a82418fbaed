import type { Db } from '../../db/connection.ts';
import { hashSecret } from '../../lib/tokens.ts';
import type { Grant } from './actor.ts';

export async function findGrants(db: Db, personId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select(['role', 'lab_id', 'delegation_id'])
    .where('person_id', '=', personId)
    .execute();
  return rows.map((row) => ({ role: row.role, labId: row.lab_id, delegationId: row.delegation_id }));
}

export async function findActivePersonByEmail(db: Db, email: string) {
  return db
    .selectFrom('people')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findSession(db: Db, secret: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('people', 'people.id', 'sessions.person_id')
    .selectAll('people')
    .select([
      'sessions.id as session_id',
      'sessions.last_seen_at as session_last_seen_at',
      'sessions.expires_at as session_expires_at',
    ])
    .where('sessions.id', '=', hashSecret(secret))
    .where('sessions.expires_at', '>', nowIso)
    .where('people.account_status', '=', 'active')
    .where('people.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findApiToken(db: Db, secret: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('people', 'people.id', 'api_tokens.person_id')
    .selectAll('people')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at as token_last_used_at'])
    .where('api_tokens.token_hash', '=', hashSecret(secret))
    .where('api_tokens.revoked_at', 'is', null)
    .where('people.account_status', '=', 'active')
    .where('people.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function countRecentFailures(db: Db, column: 'email' | 'ip', value: string, sinceIso: string) {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('created_at').as('oldest')])
    .where(column, '=', value)
    .where('is_success', '=', false)
    .where('created_at', '>', sinceIso)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest as string | null };
}

export async function findAccountToken(db: Db, secret: string, purpose: 'invitation' | 'password_reset') {
  return db
    .selectFrom('account_tokens')
    .innerJoin('people', 'people.id', 'account_tokens.person_id')
    .select([
      'account_tokens.id',
      'account_tokens.person_id',
      'account_tokens.expires_at',
      'account_tokens.used_at',
      'people.email',
      'people.first_name',
      'people.last_name',
      'people.account_status',
      'people.locale',
    ])
    .where('account_tokens.token_hash', '=', hashSecret(secret))
    .where('account_tokens.purpose', '=', purpose)
    .where('people.deleted_at', 'is', null)
    .executeTakeFirst();
}
