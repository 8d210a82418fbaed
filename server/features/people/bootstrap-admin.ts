import type { AppContext } from '../../context.ts';
import { newId } from '../../lib/tokens.ts';
import { createAccountToken } from '../auth/actions.ts';
import { recordEvent } from '../history/record.ts';
import { nameKeysFor } from './actions.ts';

/**
 * On a new installation without demo data nobody could sign in: when RELAIS_ADMIN_EMAIL is set
 * and there is no administrator yet, create one and return an invitation link (printed to the
 * console, since the outbox is only readable by an admin).
 */
export async function bootstrapAdmin(ctx: AppContext, email: string): Promise<string | null> {
  const existing = await ctx.db
    .selectFrom('role_assignments')
    .innerJoin('people', 'people.id', 'role_assignments.person_id')
    .select('people.id')
    .where('role_assignments.role', '=', 'admin')
    .where('people.deleted_at', 'is', null)
    .executeTakeFirst();
  if (existing) return null;
  const at = ctx.now().toISOString();
  const normalised = email.trim().toLowerCase();
  const secret = await ctx.db.transaction().execute(async (trx) => {
    let person = await trx
      .selectFrom('people')
      .select('id')
      .where('email', '=', normalised)
      .executeTakeFirst();
    if (!person) {
      const row = { email: normalised, first_name: 'Admin', last_name: 'Relais', job_title: '' };
      person = { id: newId() };
      await trx
        .insertInto('people')
        .values({
          id: person.id,
          ...row,
          ...nameKeysFor(row),
          lab_id: null,
          languages: JSON.stringify([]),
          is_media_trained: false,
          phone: null,
          photo_path: null,
          locale: 'fr',
          password_hash: null,
          account_status: 'invited',
          last_login_at: null,
          created_at: at,
          updated_at: at,
          deleted_at: null,
        })
        .execute();
    }
    await trx
      .insertInto('role_assignments')
      .values({
        id: newId(),
        person_id: person.id,
        role: 'admin',
        lab_id: null,
        delegation_id: null,
        created_at: at,
      })
      .execute();
    await recordEvent(trx, {
      actorId: null,
      subjectType: 'person',
      subjectId: person.id,
      action: 'bootstrap_admin',
      at,
    });
    return createAccountToken(ctx, trx, { personId: person.id, purpose: 'invitation', createdBy: null });
  });
  return `${ctx.config.publicUrl}/invitation/${secret}`;
}
