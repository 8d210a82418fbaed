import type { MemberSource, SuppressionReason, SuppressionScope } from '../../../shared/campaigns.ts';
import { campaignLimits } from '../../../shared/campaigns.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import type { MailingList, Suppression } from '../../db/schema.ts';
import { conflict } from '../../lib/errors.ts';
import { newId } from '../../lib/tokens.ts';
import type { Actor } from '../auth/actor.ts';
import { diffFields, recordEvent } from '../history/record.ts';
import { analyseCsv, type ImportRow } from './csv.ts';
import { suppressedAddresses } from './queries.ts';

type ContactInput = { email: string; firstName?: string; lastName?: string; organisation?: string };

/** The contact ids of these addresses, creating the missing contacts (batched: imports are large). */
export async function ensureContacts(
  db: Db,
  inputs: ContactInput[],
  at: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let index = 0; index < inputs.length; index += 400) {
    const chunk = inputs.slice(index, index + 400);
    const existing = await db
      .selectFrom('contacts')
      .select(['id', 'email'])
      .where(
        'email',
        'in',
        chunk.map((input) => input.email),
      )
      .execute();
    for (const row of existing) ids.set(row.email, row.id);
    const missing = chunk.filter((input) => !ids.has(input.email));
    if (missing.length === 0) continue;
    const values = missing.map((input) => ({
      id: newId(),
      email: input.email,
      first_name: input.firstName?.trim() ?? '',
      last_name: input.lastName?.trim() ?? '',
      organisation: input.organisation?.trim() ?? '',
      created_at: at,
      updated_at: at,
    }));
    await db
      .insertInto('contacts')
      .values(values)
      .onConflict((c) => c.column('email').doNothing())
      .execute();
    const created = await db
      .selectFrom('contacts')
      .select(['id', 'email'])
      .where(
        'email',
        'in',
        missing.map((input) => input.email),
      )
      .execute();
    for (const row of created) ids.set(row.email, row.id);
  }
  return ids;
}

export async function createList(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; description?: string; isPublic?: boolean },
): Promise<string> {
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('mailing_lists')
      .values({
        id,
        name: input.name.trim(),
        description: input.description?.trim() ?? '',
        is_public: input.isPublic ?? false,
        created_by: actor.id,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'mailing_list',
      subjectId: id,
      action: 'created',
      data: { name: input.name.trim() },
      at,
    });
  });
  return id;
}

export async function updateList(
  ctx: AppContext,
  actor: Actor,
  list: MailingList,
  input: { name?: string; description?: string; isPublic?: boolean },
): Promise<void> {
  const changes = {
    name: input.name?.trim(),
    description: input.description?.trim(),
    is_public: input.isPublic,
  };
  const diff = diffFields(list, changes);
  if (Object.keys(diff).length === 0) return;
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('mailing_lists')
      .set({ ...changes, updated_at: at })
      .where('id', '=', list.id)
      .execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'mailing_list',
      subjectId: list.id,
      action: 'updated',
      data: { changes: diff },
      at,
    });
  });
}

/** Deleted lists are kept (past campaigns name them) but vanish from every view and every audience. */
export async function deleteList(ctx: AppContext, actor: Actor, list: MailingList): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('mailing_lists')
      .set({ deleted_at: at, updated_at: at })
      .where('id', '=', list.id)
      .execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'mailing_list',
      subjectId: list.id,
      action: 'deleted',
      at,
    });
  });
}

/** The cell adds someone by hand (a journalist met at a conference): subscribed at once. */
export async function addSubscriber(
  ctx: AppContext,
  actor: Actor,
  list: MailingList,
  input: ContactInput,
): Promise<string> {
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const contactId = (await ensureContacts(trx, [input], at)).get(input.email)!;
    const member = await trx
      .selectFrom('list_members')
      .select('state')
      .where('list_id', '=', list.id)
      .where('contact_id', '=', contactId)
      .executeTakeFirst();
    if (member?.state === 'active')
      throw conflict('Already subscribed to this list', { email: 'is already subscribed' });
    if (member?.state === 'unsubscribed')
      throw conflict('This person unsubscribed from this list: only they can subscribe again', {
        email: 'unsubscribed from this list',
      });
    if (member) {
      await trx
        .updateTable('list_members')
        .set({
          state: 'active',
          confirm_token_hash: null,
          confirm_expires_at: null,
          subscribed_at: at,
          updated_at: at,
        })
        .where('list_id', '=', list.id)
        .where('contact_id', '=', contactId)
        .execute();
    } else {
      await trx
        .insertInto('list_members')
        .values(memberRow(list.id, contactId, 'manual', at))
        .execute();
    }
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'mailing_list',
      subjectId: list.id,
      action: 'member_added',
      data: { contactId, email: input.email },
      at,
    });
    return contactId;
  });
}

const memberRow = (listId: string, contactId: string, source: MemberSource, at: string) => ({
  list_id: listId,
  contact_id: contactId,
  state: 'active' as const,
  source,
  confirm_token_hash: null,
  confirm_expires_at: null,
  subscribed_at: at,
  unsubscribed_at: null,
  created_at: at,
  updated_at: at,
});

export async function removeSubscriber(
  ctx: AppContext,
  actor: Actor,
  list: MailingList,
  contactId: string,
): Promise<boolean> {
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('list_members')
      .where('list_id', '=', list.id)
      .where('contact_id', '=', contactId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) return false;
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'mailing_list',
      subjectId: list.id,
      action: 'member_removed',
      data: { contactId },
      at,
    });
    return true;
  });
}

export type ImportReport = {
  totalRows: number;
  validRows: number;
  toAdd: number;
  added: number;
  alreadySubscribed: number;
  /** unsubscribed from this list before: kept unsubscribed */
  unsubscribed: number;
  /** on the suppression list: imported, but never mailed */
  suppressed: number;
  invalid: Array<{ line: number; value: string; reason: string }>;
  duplicates: Array<{ line: number; email: string; firstLine: number }>;
  invalidCount: number;
  duplicateCount: number;
  sample: Array<Omit<ImportRow, 'line'> & { line: number }>;
  hasHeader: boolean;
  committed: boolean;
};

/** A CSV import: the preview reports what would happen; the commit does it, in one transaction. */
export async function importCsv(
  ctx: AppContext,
  actor: Actor,
  list: MailingList,
  csv: string,
  commit: boolean,
): Promise<ImportReport> {
  const analysis = analyseCsv(csv, campaignLimits.csvRows);
  const emails = analysis.rows.map((row) => row.email);
  const memberStates = new Map<string, string>();
  for (let index = 0; index < emails.length; index += 500) {
    const rows = await ctx.db
      .selectFrom('list_members')
      .innerJoin('contacts', 'contacts.id', 'list_members.contact_id')
      .select(['contacts.email', 'list_members.state'])
      .where('list_members.list_id', '=', list.id)
      .where('contacts.email', 'in', emails.slice(index, index + 500))
      .execute();
    for (const row of rows) memberStates.set(row.email, row.state);
  }
  const suppressed = await suppressedAddresses(ctx.db, emails, null);
  const fresh = analysis.rows.filter((row) => !memberStates.has(row.email));
  const report: ImportReport = {
    totalRows: analysis.totalRows,
    validRows: analysis.rows.length,
    toAdd: fresh.length,
    added: 0,
    alreadySubscribed: [...memberStates.values()].filter((state) => state !== 'unsubscribed').length,
    unsubscribed: [...memberStates.values()].filter((state) => state === 'unsubscribed').length,
    suppressed: suppressed.size,
    invalid: analysis.invalid.slice(0, 200),
    duplicates: analysis.duplicates.slice(0, 200),
    invalidCount: analysis.invalid.length,
    duplicateCount: analysis.duplicates.length,
    sample: analysis.rows.slice(0, 10),
    hasHeader: analysis.hasHeader,
    committed: false,
  };
  if (!commit) return report;
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const ids = await ensureContacts(trx, fresh, at);
    for (let index = 0; index < fresh.length; index += 400) {
      const chunk = fresh.slice(index, index + 400);
      await trx
        .insertInto('list_members')
        .values(chunk.map((row) => memberRow(list.id, ids.get(row.email)!, 'import', at)))
        .onConflict((c) => c.columns(['list_id', 'contact_id']).doNothing())
        .execute();
    }
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'mailing_list',
      subjectId: list.id,
      action: 'imported',
      data: {
        added: fresh.length,
        invalid: report.invalidCount,
        duplicates: report.duplicateCount,
        alreadySubscribed: report.alreadySubscribed,
      },
      at,
    });
  });
  return { ...report, added: fresh.length, committed: true };
}

/** Puts an address on the suppression list (idempotent: a second entry for the same scope is kept as it was). */
export async function suppressAddress(
  db: Db,
  input: {
    email: string;
    scope: SuppressionScope;
    reason: SuppressionReason;
    detail?: string;
    campaignId?: string | null;
    actorId: string | null;
    at: string;
  },
): Promise<boolean> {
  const id = newId();
  const result = await db
    .insertInto('suppressions')
    .values({
      id,
      email: input.email,
      scope: input.scope,
      reason: input.reason,
      detail: (input.detail ?? '').slice(0, 500),
      campaign_id: input.campaignId ?? null,
      created_by: input.actorId,
      created_at: input.at,
    })
    .onConflict((c) => c.columns(['email', 'scope']).doNothing())
    .executeTakeFirst();
  const isNew = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  if (isNew) {
    await recordEvent(db, {
      actorId: input.actorId,
      subjectType: 'suppression',
      subjectId: id,
      action: 'created',
      data: {
        email: input.email,
        scope: input.scope,
        reason: input.reason,
        campaignId: input.campaignId ?? null,
      },
      at: input.at,
    });
  }
  return isNew;
}

export async function liftSuppression(
  ctx: AppContext,
  actor: Actor,
  suppression: Suppression,
): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('suppressions').where('id', '=', suppression.id).execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'suppression',
      subjectId: suppression.id,
      action: 'lifted',
      data: { email: suppression.email, scope: suppression.scope, reason: suppression.reason },
      at,
    });
  });
}
