import { Type } from '@fastify/type-provider-typebox';
import type { Request, RequestAnswer, RequestAnswerFile, RequestReminder } from '../../db/schema.ts';
import { utcToZoned } from '../../lib/dates.ts';
import { Abilities } from '../../lib/schemas.ts';
import type { Actor } from '../auth/actor.ts';
import {
  answerPolicy,
  ownTargetLabs,
  type RequestFacts,
  requestAbilities,
  requestPolicy,
  seesEverything,
} from './policy.ts';
import type { BoardSummary, TargetRow } from './queries.ts';

const Ref = Type.Object({ id: Type.String(), name: Type.String() });
const LabRef = Type.Object({ id: Type.String(), acronym: Type.String(), name: Type.String() });
const Nullable = <T extends ReturnType<typeof Type.Object> | ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ReminderSchema = Type.Object({
  id: Type.String(),
  step: Type.Integer({ description: 'days before the deadline' }),
  state: Type.String({ description: 'pending | sending | sent | uncertain | cancelled' }),
  sentAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  abilities: Abilities,
});

export const BoardRowSchema = Type.Object({
  lab: LabRef,
  state: Type.String({ description: 'not_seen | seen | answered | declined' }),
  seenAt: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  isLate: Type.Boolean({ description: 'no answer by the deadline (or the first one came after it)' }),
  answerCount: Type.Integer(),
  namedCorrespondents: Type.Array(Ref),
  reminders: Type.Array(ReminderSchema),
});

export const AnswerFileSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  originalName: Type.String(),
  mimeType: Type.String(),
  byteSize: Type.Integer(),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
  urls: Type.Object({ file: Type.String(), thumb: Nullable(Type.String()) }),
});

export const AnswerSchema = Type.Object({
  id: Type.String(),
  lab: LabRef,
  author: Ref,
  kind: Type.String({ description: 'content | nothing' }),
  body: Type.String(),
  expert: Nullable(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      email: Type.String(),
      labAcronym: Nullable(Type.String()),
    }),
  ),
  stories: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  links: Type.Array(Type.Object({ label: Type.String(), url: Type.String() })),
  files: Type.Array(AnswerFileSchema),
  isLate: Type.Boolean(),
  usedAt: Nullable(Type.String()),
  usedBy: Nullable(Ref),
  createdAt: Type.String(),
  abilities: Abilities,
});

const Summary = Type.Object({
  labs: Type.Integer(),
  notSeen: Type.Integer(),
  seen: Type.Integer(),
  answered: Type.Integer(),
  declined: Type.Integer(),
  late: Type.Integer(),
});

const requestFields = {
  id: Type.String(),
  number: Type.Integer(),
  kind: Type.String(),
  title: Type.String(),
  state: Type.String(),
  origin: Type.String(),
  requester: Ref,
  delegationId: Nullable(Type.String()),
  deadline: Type.Object({
    at: Type.String(),
    date: Type.String(),
    time: Type.String(),
    timeZone: Type.String(),
  }),
  isOverdue: Type.Boolean(),
  reminderDays: Type.Array(Type.Integer()),
  targets: Type.Object({
    mode: Type.String(),
    delegationId: Nullable(Type.String()),
    labIds: Type.Array(Type.String()),
    personIds: Type.Array(Type.String()),
  }),
  cellContext: Type.String(),
  routedAt: Nullable(Type.String()),
  routedBy: Nullable(Ref),
  decidedAt: Nullable(Type.String()),
  decidedBy: Nullable(Ref),
  decisionReason: Type.String(),
  closedAt: Nullable(Type.String()),
  closedBy: Nullable(Ref),
  solicitationId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  summary: Type.Union([Summary, Type.Null()], { description: 'for those who see the whole board' }),
  myLabs: Type.Array(Type.Object({ lab: LabRef, state: Type.String(), isLate: Type.Boolean() }), {
    description: "the caller's own targeted labs",
  }),
  abilities: Abilities,
};

export const RequestSchema = Type.Object(requestFields);
export const RequestDetailSchema = Type.Object({
  ...requestFields,
  bodyHtml: Type.String(),
  board: Type.Array(BoardRowSchema, {
    description: 'every lab for the requester side and the cell; own labs otherwise',
  }),
  answers: Type.Array(AnswerSchema, { description: 'only the answers the caller may read' }),
});

const isLateAt = (deadline: string, answeredAt: string | null, now: Date) =>
  (answeredAt ? Date.parse(answeredAt) : now.getTime()) > Date.parse(deadline);

const ref = (id: string | null, names: Map<string, string>) =>
  id ? { id, name: names.get(id) ?? '' } : null;

export type PresentContext = { actor: Actor | null; now: Date; names: Map<string, string> };

/** A request as a list item (detail adds body, board and answers). */
export function presentRequest(
  request: Request,
  targets: TargetRow[],
  facts: RequestFacts,
  context: PresentContext,
  /** counted by the database, for lists (where `targets` holds the caller's labs only) */
  counted?: BoardSummary,
) {
  const { actor, now, names } = context;
  const own = new Set(ownTargetLabs(actor, facts));
  const all = seesEverything(actor, facts);
  const rows = targets.filter((target) => target.request_id === request.id);
  const lateOf = (target: TargetRow) => isLateAt(request.deadline_at, target.answered_at, now);
  const summary = !all
    ? null
    : (counted ?? {
        labs: rows.length,
        notSeen: rows.filter((row) => row.state === 'not_seen').length,
        seen: rows.filter((row) => row.state === 'seen').length,
        answered: rows.filter((row) => row.state === 'answered').length,
        declined: rows.filter((row) => row.state === 'declined').length,
        late: rows.filter(lateOf).length,
      });
  return {
    id: request.id,
    number: Number(request.seq),
    kind: request.kind,
    title: request.title,
    state: request.state,
    origin: request.origin,
    requester: ref(request.requester_id, names)!,
    delegationId: request.delegation_id,
    deadline: {
      at: request.deadline_at,
      ...utcToZoned(request.deadline_at, request.deadline_time_zone),
      timeZone: request.deadline_time_zone,
    },
    isOverdue: Date.parse(request.deadline_at) < now.getTime(),
    reminderDays: request.reminder_days,
    // Which other labs are asked is for the requester's side and the cell.
    targets: all
      ? {
          mode: request.target_mode,
          delegationId: request.target_delegation_id,
          labIds: request.target_lab_ids,
          personIds: request.target_person_ids,
        }
      : { mode: request.target_mode, delegationId: null, labIds: [], personIds: [] },
    cellContext: request.cell_context,
    routedAt: request.routed_at,
    routedBy: ref(request.routed_by, names),
    decidedAt: request.decided_at,
    decidedBy: ref(request.decided_by, names),
    decisionReason: request.decision_reason,
    closedAt: request.closed_at,
    closedBy: ref(request.closed_by, names),
    solicitationId: all ? request.solicitation_id : null,
    createdAt: request.created_at,
    updatedAt: request.updated_at,
    summary,
    myLabs: rows
      .filter((row) => own.has(row.lab_id))
      .map((row) => ({
        lab: { id: row.lab_id, acronym: row.acronym, name: row.name },
        state: row.state,
        isLate: lateOf(row),
      })),
    abilities: requestAbilities(actor, facts),
  };
}

export type DetailRelations = {
  answers: RequestAnswer[];
  files: RequestAnswerFile[];
  reminders: RequestReminder[];
  experts: Map<string, { name: string; email: string; labAcronym: string | null }>;
  /** titles of the linked stories the caller may read */
  stories: Map<string, string>;
};

export function presentRequestDetail(
  request: Request,
  targets: TargetRow[],
  facts: RequestFacts,
  context: PresentContext,
  relations: DetailRelations,
) {
  const { actor, now, names } = context;
  const all = seesEverything(actor, facts);
  const own = new Set(ownTargetLabs(actor, facts));
  const rows = targets.filter(
    (target) => target.request_id === request.id && (all || own.has(target.lab_id)),
  );
  const labs = new Map(targets.map((target) => [target.lab_id, target]));
  const canHandleReminders = requestPolicy.handleReminder(actor, facts);
  const answers = relations.answers.filter((answer) => answerPolicy.read(actor, facts, answer));
  const canMarkUsed = requestPolicy.markUsed(actor, facts);
  return {
    ...presentRequest(request, targets, facts, context),
    bodyHtml: request.body_html,
    board: rows.map((row) => ({
      lab: { id: row.lab_id, acronym: row.acronym, name: row.name },
      state: row.state,
      seenAt: row.seen_at,
      answeredAt: row.answered_at,
      isLate: isLateAt(request.deadline_at, row.answered_at, now),
      answerCount: answers.filter((answer) => answer.lab_id === row.lab_id).length,
      namedCorrespondents: row.person_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
      reminders: all
        ? relations.reminders
            .filter((reminder) => reminder.lab_id === row.lab_id)
            .map((reminder) => ({
              id: reminder.id,
              step: Number(reminder.step),
              state: reminder.state,
              sentAt: reminder.sent_at,
              lastError: reminder.last_error,
              abilities: {
                resend: canHandleReminders && reminder.state === 'uncertain',
                markSent: canHandleReminders && reminder.state === 'uncertain',
              },
            }))
        : [],
    })),
    answers: answers.map((answer) => {
      const lab = labs.get(answer.lab_id);
      const expert = answer.expert_person_id ? relations.experts.get(answer.expert_person_id) : undefined;
      return {
        id: answer.id,
        lab: { id: answer.lab_id, acronym: lab?.acronym ?? '', name: lab?.name ?? '' },
        author: ref(answer.author_id, names)!,
        kind: answer.kind,
        body: answer.body,
        expert: answer.expert_person_id && expert ? { id: answer.expert_person_id, ...expert } : null,
        stories: answer.story_ids.flatMap((id) => {
          const title = relations.stories.get(id);
          return title === undefined ? [] : [{ id, title }];
        }),
        links: answer.links,
        files: relations.files
          .filter((file) => file.answer_id === answer.id)
          .map((file) => ({
            id: file.id,
            kind: file.kind,
            originalName: file.original_name,
            mimeType: file.mime_type,
            byteSize: Number(file.byte_size),
            width: file.width === null ? null : Number(file.width),
            height: file.height === null ? null : Number(file.height),
            createdAt: file.created_at,
            urls: {
              file: `/api/requests/${request.id}/answers/${answer.id}/files/${file.id}/file`,
              thumb: file.thumb_path
                ? `/api/requests/${request.id}/answers/${answer.id}/files/${file.id}/thumb`
                : null,
            },
          })),
        isLate: Date.parse(answer.created_at) > Date.parse(request.deadline_at),
        usedAt: answer.used_at,
        usedBy: ref(answer.used_by, names),
        createdAt: answer.created_at,
        abilities: {
          markUsed: canMarkUsed && answer.kind === 'content' && answer.used_at === null,
          unmarkUsed: canMarkUsed && answer.used_at !== null,
          addFile: answerPolicy.addFile(actor, facts, answer) && answer.kind === 'content',
        },
      };
    }),
  };
}
