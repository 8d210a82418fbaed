import assert from 'node:assert/strict';
import type { LightMyRequestResponse as Response } from 'fastify';
import type { Db } from '../db/connection.ts';

/** Asserts an API error: the status, the `{"error": {code, message}}` shape, and optionally the code. */
export function assertError(response: Response, status: number, code?: string) {
  assert.equal(
    response.statusCode,
    status,
    `expected ${status}, got ${response.statusCode}: ${response.body}`,
  );
  const body = response.json() as {
    error?: { code?: unknown; message?: unknown; fields?: Record<string, string> };
  };
  assert.equal(typeof body.error?.code, 'string', `no error.code in ${response.body}`);
  assert.equal(typeof body.error?.message, 'string', `no error.message in ${response.body}`);
  if (code) assert.equal(body.error?.code, code);
  return body.error as { code: string; message: string; fields?: Record<string, string> };
}

/** Asserts a 400 whose `error.fields` names each of the given fields. */
export function assertInvalid(response: Response, ...fields: string[]) {
  const error = assertError(response, 400);
  for (const field of fields) {
    assert.ok(error.fields?.[field], `expected error.fields.${field} in ${response.body}`);
  }
  return error;
}

export function assertStatus(response: Response, status: number) {
  assert.equal(
    response.statusCode,
    status,
    `expected ${status}, got ${response.statusCode}: ${response.body}`,
  );
}

/** The history rows of one object, oldest first. */
export async function eventsOf(db: Db, subjectId: string, action?: string) {
  let query = db.selectFrom('events').selectAll().where('subject_id', '=', subjectId);
  if (action) query = query.where('action', '=', action);
  return query.orderBy('created_at').execute();
}

/** The newest mail kept in the outbox for this address, with the first link it carries. */
export async function lastMailTo(db: Db, email: string) {
  const row = await db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  const link = /https?:\/\/\S+/.exec(row.text_body)?.[0];
  return { ...row, link, token: link?.split('/').pop() };
}

export async function countMailsTo(db: Db, email: string) {
  const row = await db
    .selectFrom('outbox_messages')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('to_address', '=', email)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The `cookie` header carrying the session set by a response. */
export function sessionCookieOf(response: Response) {
  const cookie = response.cookies.find((c) => c.name === 'relais_session');
  assert.ok(cookie, `no session cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  return { cookie: `relais_session=${cookie.value}` };
}
