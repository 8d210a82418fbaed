import { type Locale, type RoleName, roleScope } from '../../../shared/roles.ts';
import type { NotificationMode } from '../../../shared/stories.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import type { Person } from '../../db/schema.ts';
import { conflict, invalid } from '../../lib/errors.ts';
import { foldText } from '../../lib/text.ts';
import { newId } from '../../lib/tokens.ts';
import { invitationMail } from '../../mail/templates.ts';
import { createAccountToken } from '../auth/actions.ts';
import { diffFields, recordEvent } from '../history/record.ts';

export type RoleInput = {
  role: RoleName;
  labId?: string | null | undefined;
  delegationId?: string | null | undefined;
};

export type ProfileInput = {
  firstName?: string | undefined;
  lastName?: string | undefined;
  jobTitle?: string | undefined;
  phone?: string | null | undefined;
  languages?: string[] | undefined;
  isMediaTrained?: boolean | undefined;
  locale?: Locale | undefined;
  notificationMode?: NotificationMode | undefined;
  skillIds?: string[] | undefined;
};

export type AccountInput = {
  email?: string | undefined;
  labId?: string | null | undefined;
  roles?: RoleInput[] | undefined;
};

/** The derived columns that make search and sorting ignore accents and case on both databases. */
export const nameKeysFor = (p: Pick<Person, 'first_name' | 'last_name' | 'email' | 'job_title'>) => ({
  search_text: foldText(`${p.first_name} ${p.last_name} ${p.email} ${p.job_title}`),
  sort_name: foldText(`${p.last_name} ${p.first_name}`),
});

/** Checks that every lab, delegation and skill referred to exists; answers per field. */
async function assertReferences(db: Db, input: AccountInput & { skillIds?: string[] | undefined }) {
  const fields: Record<string, string> = {};
  if (input.labId) {
    const lab = await db
      .selectFrom('labs')
      .select('id')
      .where('id', '=', input.labId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!lab) fields.labId = 'is not a known lab';
  }
  for (const [index, grant] of (input.roles ?? []).entries()) {
    const scope = roleScope[grant.role];
    if (scope === 'lab') {
      if (!grant.labId) fields[`roles.${index}.labId`] = 'is required for this role';
      else if (
        !(await db
          .selectFrom('labs')
          .select('id')
          .where('id', '=', grant.labId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst())
      ) {
        fields[`roles.${index}.labId`] = 'is not a known lab';
      }
    }
    if (scope === 'delegation') {
      if (!grant.delegationId) fields[`roles.${index}.delegationId`] = 'is required for this role';
      else if (
        !(await db
          .selectFrom('delegations')
          .select('id')
          .where('id', '=', grant.delegationId)
          .executeTakeFirst())
      ) {
        fields[`roles.${index}.delegationId`] = 'is not a known delegation';
      }
    }
  }
  if (input.skillIds && input.skillIds.length > 0) {
    const found = await db.selectFrom('skills').select('id').where('id', 'in', input.skillIds).execute();
    if (found.length !== new Set(input.skillIds).size) fields.skillIds = 'contains an unknown skill';
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

async function assertEmailFree(db: Db, email: string, exceptId?: string) {
  let query = db.selectFrom('people').select('id').where('email', '=', email);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst())
    throw conflict('Someone in the directory already has this email', { email: 'is already used' });
}

async function replaceRoles(db: Db, personId: string, roles: RoleInput[], at: string) {
  await db.deleteFrom('role_assignments').where('person_id', '=', personId).execute();
  const unique = new Map<string, RoleInput>();
  for (const grant of roles) {
    const scope = roleScope[grant.role];
    const normalised = {
      role: grant.role,
      labId: scope === 'lab' ? (grant.labId ?? null) : null,
      delegationId: scope === 'delegation' ? (grant.delegationId ?? null) : null,
    };
    unique.set(`${normalised.role}:${normalised.labId}:${normalised.delegationId}`, normalised);
  }
  if (unique.size === 0) return;
  await db
    .insertInto('role_assignments')
    .values(
      [...unique.values()].map((grant) => ({
        id: newId(),
        person_id: personId,
        role: grant.role,
        lab_id: grant.labId ?? null,
        delegation_id: grant.delegationId ?? null,
        created_at: at,
      })),
    )
    .execute();
}

async function replaceSkills(db: Db, personId: string, skillIds: string[]) {
  await db.deleteFrom('person_skills').where('person_id', '=', personId).execute();
  const unique = [...new Set(skillIds)];
  if (unique.length > 0) {
    await db
      .insertInto('person_skills')
      .values(unique.map((skillId) => ({ person_id: personId, skill_id: skillId })))
      .execute();
  }
}

/** Adds someone to the directory, optionally inviting them to create their account. */
export async function createPerson(
  ctx: AppContext,
  actorId: string,
  input: ProfileInput &
    AccountInput & { email: string; firstName: string; lastName: string; sendInvitation: boolean },
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  await assertReferences(ctx.db, input);
  const id = newId();
  const at = ctx.now().toISOString();
  let invitationSecret: string | null = null;
  await ctx.db.transaction().execute(async (trx) => {
    await assertEmailFree(trx, email);
    const row = {
      email,
      first_name: input.firstName.trim(),
      last_name: input.lastName.trim(),
      job_title: input.jobTitle?.trim() ?? '',
    };
    await trx
      .insertInto('people')
      .values({
        id,
        ...row,
        ...nameKeysFor(row),
        lab_id: input.labId ?? null,
        languages: JSON.stringify(input.languages ?? []),
        is_media_trained: input.isMediaTrained ?? false,
        phone: input.phone || null,
        photo_path: null,
        locale: input.locale ?? 'fr',
        password_hash: null,
        account_status: input.sendInvitation ? 'invited' : 'none',
        last_login_at: null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .execute();
    await replaceRoles(trx, id, input.roles ?? [], at);
    await replaceSkills(trx, id, input.skillIds ?? []);
    await recordEvent(trx, {
      actorId,
      subjectType: 'person',
      subjectId: id,
      action: 'created',
      data: { email, roles: input.roles ?? [] },
      at,
    });
    if (input.sendInvitation) {
      invitationSecret = await createAccountToken(ctx, trx, {
        personId: id,
        purpose: 'invitation',
        createdBy: actorId,
      });
      await recordEvent(trx, { actorId, subjectType: 'person', subjectId: id, action: 'invited', at });
    }
  });
  if (invitationSecret) await sendInvitation(ctx, id, actorId, invitationSecret);
  return id;
}

/** (Re)sends an invitation; a previous link stops working. */
export async function invitePerson(ctx: AppContext, actorId: string, personId: string): Promise<void> {
  const at = ctx.now().toISOString();
  const secret = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('people')
      .set({ account_status: 'invited', updated_at: at })
      .where('id', '=', personId)
      .execute();
    await recordEvent(trx, { actorId, subjectType: 'person', subjectId: personId, action: 'invited', at });
    return createAccountToken(ctx, trx, { personId, purpose: 'invitation', createdBy: actorId });
  });
  await sendInvitation(ctx, personId, actorId, secret);
}

async function sendInvitation(ctx: AppContext, personId: string, actorId: string, secret: string) {
  const [person, inviter] = await Promise.all([
    ctx.db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('people')
      .select(['first_name', 'last_name'])
      .where('id', '=', actorId)
      .executeTakeFirstOrThrow(),
  ]);
  await ctx.mailer.send({
    to: person.email,
    stream: 'transactional',
    ...invitationMail({
      locale: person.locale,
      firstName: person.first_name,
      inviterName: `${inviter.first_name} ${inviter.last_name}`,
      link: `${ctx.config.publicUrl}/invitation/${secret}`,
    }),
  });
}

export async function updatePerson(
  ctx: AppContext,
  actorId: string,
  person: Person,
  input: ProfileInput & AccountInput,
): Promise<void> {
  const email = input.email?.trim().toLowerCase();
  await assertReferences(ctx.db, input);
  const at = ctx.now().toISOString();
  const changes = {
    first_name: input.firstName?.trim(),
    last_name: input.lastName?.trim(),
    job_title: input.jobTitle?.trim(),
    phone: input.phone === undefined ? undefined : input.phone || null,
    languages: input.languages,
    is_media_trained: input.isMediaTrained,
    locale: input.locale,
    notification_mode: input.notificationMode,
    email,
    lab_id: input.labId,
  };
  const diff = diffFields(person as unknown as Record<string, unknown>, changes);
  await ctx.db.transaction().execute(async (trx) => {
    if (email && email !== person.email) await assertEmailFree(trx, email, person.id);
    const merged = {
      ...person,
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    };
    await trx
      .updateTable('people')
      .set({
        ...changes,
        languages: changes.languages ? JSON.stringify(changes.languages) : undefined,
        ...nameKeysFor(merged as Person),
        updated_at: at,
      })
      .where('id', '=', person.id)
      .execute();
    if (input.roles) {
      await replaceRoles(trx, person.id, input.roles, at);
      diff.roles = [null, input.roles];
    }
    if (input.skillIds) {
      await replaceSkills(trx, person.id, input.skillIds);
      diff.skills = [null, input.skillIds];
    }
    if (Object.keys(diff).length > 0) {
      await recordEvent(trx, {
        actorId,
        subjectType: 'person',
        subjectId: person.id,
        action: 'updated',
        data: { changes: diff },
        at,
      });
    }
  });
}

/** Disabling signs the person out everywhere and revokes their API tokens. */
export async function setPersonDisabled(
  ctx: AppContext,
  actorId: string,
  person: Person,
  isDisabled: boolean,
) {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const status = isDisabled ? 'disabled' : person.password_hash ? 'active' : 'none';
    await trx
      .updateTable('people')
      .set({ account_status: status, updated_at: at })
      .where('id', '=', person.id)
      .execute();
    if (isDisabled) {
      await trx.deleteFrom('sessions').where('person_id', '=', person.id).execute();
      await trx
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('person_id', '=', person.id)
        .where('revoked_at', 'is', null)
        .execute();
    }
    await recordEvent(trx, {
      actorId,
      subjectType: 'person',
      subjectId: person.id,
      action: isDisabled ? 'disabled' : 'enabled',
      at,
    });
  });
}

/** Removes someone from the directory; the row stays (history refers to it) but is anonymised. */
export async function deletePerson(ctx: AppContext, actorId: string, person: Person) {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('people')
      .set({
        deleted_at: at,
        updated_at: at,
        account_status: 'disabled',
        email: `deleted-${person.id}@invalid`,
        phone: null,
        password_hash: null,
        search_text: '',
      })
      .where('id', '=', person.id)
      .execute();
    await trx.deleteFrom('sessions').where('person_id', '=', person.id).execute();
    await trx.deleteFrom('role_assignments').where('person_id', '=', person.id).execute();
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('person_id', '=', person.id)
      .where('revoked_at', 'is', null)
      .execute();
    await recordEvent(trx, {
      actorId,
      subjectType: 'person',
      subjectId: person.id,
      action: 'deleted',
      data: { name: `${person.first_name} ${person.last_name}` },
      at,
    });
  });
}
