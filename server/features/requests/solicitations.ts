import { Type } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { SolicitationState } from '../../../shared/requests.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import type { Solicitation } from '../../db/schema.ts';
import { utcToZoned } from '../../lib/dates.ts';
import { conflict, invalid } from '../../lib/errors.ts';
import { Abilities } from '../../lib/schemas.ts';
import { foldText, likePattern } from '../../lib/text.ts';
import { newId } from '../../lib/tokens.ts';
import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../history/record.ts';
import { createRequest, nameOf, type RequestInput } from './actions.ts';
import { notifyAboutRequest } from './notify.ts';
import { solicitationAbilities } from './policy.ts';
import { peopleWithRole, personNames } from './queries.ts';

/**
 * Out-of-band solicitations: someone contacted a lab directly, bypassing the cell. A correspondent
 * records it in two clicks; the cell is told and may turn it into a routed request. The rows feed
 * the network-health figures (per lab, date, requesting organisation).
 */

const institutionTimeZone = 'Europe/Paris';

export type SolicitationInput = {
  labId?: string | undefined;
  requesterName?: string | undefined;
  requesterOrganisation: string;
  contactedPersonId?: string | null | undefined;
  contactedName?: string | undefined;
  contactedOn?: string | undefined;
  subject: string;
  asked?: string | undefined;
};

export async function createSolicitation(
  ctx: AppContext,
  actor: Actor,
  lab: { id: string; acronym: string },
  input: SolicitationInput,
): Promise<string> {
  // "Today" is the institute's (a solicitation recorded at 00:30 in Paris is dated that day).
  const today = utcToZoned(ctx.now().toISOString(), institutionTimeZone).date;
  const contactedOn = input.contactedOn ?? today;
  if (contactedOn > today) throw invalid({ contactedOn: 'must not be in the future' });
  if (input.contactedPersonId) {
    const person = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('id', '=', input.contactedPersonId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!person) throw invalid({ contactedPersonId: 'is not someone in the directory' });
  }
  const id = newId();
  const at = ctx.now().toISOString();
  const organisation = input.requesterOrganisation.trim();
  const subject = input.subject.trim();
  const requesterName = input.requesterName?.trim() ?? '';
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('solicitations')
      .values({
        id,
        lab_id: lab.id,
        recorded_by: actor.id,
        requester_name: requesterName,
        requester_organisation: organisation,
        organisation_key: foldText(organisation).replace(/\s+/g, ' '),
        contacted_person_id: input.contactedPersonId ?? null,
        contacted_name: input.contactedName?.trim() ?? '',
        contacted_on: contactedOn,
        subject,
        asked: input.asked?.trim() ?? '',
        state: 'new',
        request_id: null,
        handled_by: null,
        handled_at: null,
        search_text: foldText([subject, input.asked ?? '', organisation, requesterName].join(' \n')),
        created_at: at,
      })
      .execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'solicitation',
      subjectId: id,
      action: 'created',
      data: { labId: lab.id, organisation },
      at,
    });
    await notifyAboutRequest(trx, {
      recipientIds: await peopleWithRole(trx, 'cell'),
      kind: 'solicitation_recorded',
      actorId: actor.id,
      data: {
        solicitationId: id,
        title: subject,
        by: nameOf(actor),
        lab: lab.acronym,
        message: requesterName ? `${requesterName} (${organisation})` : organisation,
      },
      at,
    });
  });
  return id;
}

/** The cell turns a solicitation into a request to the labs, in one transaction with its new state. */
export async function routeSolicitation(
  ctx: AppContext,
  actor: Actor,
  solicitation: Solicitation,
  input: RequestInput,
): Promise<string> {
  return createRequest(ctx, actor, input, {
    solicitationId: solicitation.id,
    async within(trx, requestId, at) {
      const result = await trx
        .updateTable('solicitations')
        .set({ state: 'routed', request_id: requestId, handled_by: actor.id, handled_at: at })
        .where('id', '=', solicitation.id)
        .where('state', '=', 'new')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1)
        throw conflict('This solicitation was handled meanwhile: reload it');
      await recordEvent(trx, {
        actorId: actor.id,
        subjectType: 'solicitation',
        subjectId: solicitation.id,
        action: 'routed',
        data: { requestId },
        at,
      });
    },
  });
}

export async function dismissSolicitation(
  ctx: AppContext,
  actor: Actor,
  solicitation: Solicitation,
  message: string,
): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('solicitations')
      .set({ state: 'dismissed', handled_by: actor.id, handled_at: at })
      .where('id', '=', solicitation.id)
      .where('state', '=', 'new')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw conflict('This solicitation was handled meanwhile: reload it');
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'solicitation',
      subjectId: solicitation.id,
      action: 'dismissed',
      data: message ? { message } : {},
      at,
    });
  });
}

export type SolicitationFilter = {
  state?: SolicitationState | undefined;
  lab?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** solicitationPolicy.read as a WHERE clause. */
export async function listSolicitations(
  db: Db,
  actor: Actor,
  filter: SolicitationFilter & { limit: number; offset: number },
): Promise<{ rows: Solicitation[]; total: number }> {
  const seesAll = actor.roles.has('cell') || actor.roles.has('admin');
  const labs = [...actor.correspondentLabIds];
  const base = db
    .selectFrom('solicitations')
    .where((eb) =>
      eb.and([
        seesAll
          ? eb.val(true)
          : eb.or([eb('recorded_by', '=', actor.id), ...(labs.length ? [eb('lab_id', 'in', labs)] : [])]),
        ...(filter.state ? [eb('state', '=', filter.state)] : []),
        ...(filter.lab ? [eb('lab_id', '=', filter.lab)] : []),
        ...(filter.from ? [eb('contacted_on', '>=', filter.from)] : []),
        ...(filter.to ? [eb('contacted_on', '<=', filter.to)] : []),
        ...(filter.q?.trim()
          ? [sql<boolean>`search_text like ${likePattern(filter.q.trim())} escape '\\'`]
          : []),
      ]),
    );
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.count) };
}

export async function findSolicitation(db: Db, id: string) {
  return db.selectFrom('solicitations').selectAll().where('id', '=', id).executeTakeFirst();
}

const Ref = Type.Object({ id: Type.String(), name: Type.String() });
const Nullable = <T extends ReturnType<typeof Type.String> | typeof Ref>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const SolicitationSchema = Type.Object({
  id: Type.String(),
  lab: Type.Object({ id: Type.String(), acronym: Type.String() }),
  recordedBy: Ref,
  requesterName: Type.String(),
  requesterOrganisation: Type.String(),
  contactedPerson: Nullable(Ref),
  contactedName: Type.String(),
  contactedOn: Type.String(),
  subject: Type.String(),
  asked: Type.String(),
  state: Type.String({ description: 'new | routed | dismissed' }),
  requestId: Nullable(Type.String()),
  handledAt: Nullable(Type.String()),
  handledBy: Nullable(Ref),
  createdAt: Type.String(),
  abilities: Abilities,
});

export async function presentSolicitations(db: Db, actor: Actor, rows: Solicitation[]) {
  const names = await personNames(
    db,
    rows.flatMap((row) => [row.recorded_by, row.contacted_person_id, row.handled_by]),
  );
  const labIds = [...new Set(rows.map((row) => row.lab_id))];
  const labs = new Map(
    labIds.length
      ? (await db.selectFrom('labs').select(['id', 'acronym']).where('id', 'in', labIds).execute()).map(
          (lab) => [lab.id, lab.acronym],
        )
      : [],
  );
  const ref = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return rows.map((row) => ({
    id: row.id,
    lab: { id: row.lab_id, acronym: labs.get(row.lab_id) ?? '' },
    recordedBy: ref(row.recorded_by)!,
    requesterName: row.requester_name,
    requesterOrganisation: row.requester_organisation,
    contactedPerson: ref(row.contacted_person_id),
    contactedName: row.contacted_name,
    contactedOn: row.contacted_on,
    subject: row.subject,
    asked: row.asked,
    state: row.state,
    requestId: row.request_id,
    handledAt: row.handled_at,
    handledBy: ref(row.handled_by),
    createdAt: row.created_at,
    abilities: solicitationAbilities(actor, row),
  }));
}
