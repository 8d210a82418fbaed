import type { AppContext } from '../../context.ts';
import type { Lab } from '../../db/schema.ts';
import { conflict, invalid } from '../../lib/errors.ts';
import { newId } from '../../lib/tokens.ts';
import { diffFields, recordEvent } from '../history/record.ts';
import { findLabByAcronym } from './queries.ts';

export type LabInput = {
  acronym: string;
  name: string;
  kind: 'lab' | 'platform';
  city: string;
  site?: string | undefined;
  region?: string | undefined;
  delegationId: string;
  partners?: string[] | undefined;
  themes?: string[] | undefined;
  website?: string | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
};

async function assertDelegation(ctx: AppContext, delegationId: string | undefined) {
  if (!delegationId) return;
  const found = await ctx.db
    .selectFrom('delegations')
    .select('id')
    .where('id', '=', delegationId)
    .executeTakeFirst();
  if (!found) throw invalid({ delegationId: 'is not a known delegation' });
}

async function assertAcronymFree(ctx: AppContext, input: string | undefined, exceptId?: string) {
  // Compare what will be stored: the acronym is trimmed on write.
  const acronym = input?.trim();
  if (acronym && (await findLabByAcronym(ctx.db, acronym, exceptId))) {
    throw conflict('Another lab already has this acronym', { acronym: 'is already used' });
  }
}

export async function createLab(ctx: AppContext, actorId: string, input: LabInput): Promise<string> {
  await assertDelegation(ctx, input.delegationId);
  await assertAcronymFree(ctx, input.acronym);
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('labs')
      .values({
        id,
        acronym: input.acronym.trim(),
        name: input.name.trim(),
        kind: input.kind,
        city: input.city.trim(),
        site: input.site ?? '',
        region: input.region ?? '',
        delegation_id: input.delegationId,
        partners: JSON.stringify(input.partners ?? []),
        themes: JSON.stringify(input.themes ?? []),
        website: input.website ?? '',
        logo_path: null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .execute();
    await recordEvent(trx, {
      actorId,
      subjectType: 'lab',
      subjectId: id,
      action: 'created',
      data: { acronym: input.acronym },
      at,
    });
  });
  return id;
}

export async function updateLab(
  ctx: AppContext,
  actorId: string,
  lab: Lab,
  input: Partial<LabInput>,
): Promise<void> {
  await assertDelegation(ctx, input.delegationId);
  await assertAcronymFree(ctx, input.acronym, lab.id);
  const at = ctx.now().toISOString();
  const changes = {
    acronym: input.acronym?.trim(),
    name: input.name?.trim(),
    kind: input.kind,
    city: input.city?.trim(),
    site: input.site,
    region: input.region,
    delegation_id: input.delegationId,
    partners: input.partners,
    themes: input.themes,
    website: input.website,
    latitude: input.latitude,
    longitude: input.longitude,
  };
  const diff = diffFields(lab as unknown as Record<string, unknown>, changes);
  if (Object.keys(diff).length === 0) return;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('labs')
      .set({
        ...changes,
        partners: changes.partners ? JSON.stringify(changes.partners) : undefined,
        themes: changes.themes ? JSON.stringify(changes.themes) : undefined,
        updated_at: at,
      })
      .where('id', '=', lab.id)
      .execute();
    await recordEvent(trx, {
      actorId,
      subjectType: 'lab',
      subjectId: lab.id,
      action: 'updated',
      data: { changes: diff },
      at,
    });
  });
}

/** A lab with people still attached cannot go: move or remove them first. */
export async function deleteLab(ctx: AppContext, actorId: string, lab: Lab): Promise<void> {
  const member = await ctx.db
    .selectFrom('people')
    .select('id')
    .where('lab_id', '=', lab.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (member) throw conflict('This lab still has people in the directory: move or remove them first');
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('labs').set({ deleted_at: at, updated_at: at }).where('id', '=', lab.id).execute();
    await trx.deleteFrom('role_assignments').where('lab_id', '=', lab.id).execute();
    await recordEvent(trx, {
      actorId,
      subjectType: 'lab',
      subjectId: lab.id,
      action: 'deleted',
      data: { acronym: lab.acronym },
      at,
    });
  });
}
