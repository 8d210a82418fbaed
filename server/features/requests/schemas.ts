import { Type } from '@fastify/type-provider-typebox';
import { type RequestOrigin, requestKinds, requestTargetModes } from '../../../shared/requests.ts';
import { isTimeZone } from '../../lib/dates.ts';
import { invalid } from '../../lib/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { originsOf } from './policy.ts';

/** Route schema pieces shared by requests and solicitations. */
export const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((value) => Type.Literal(value)));
export const DateText = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const Deadline = Type.Object(
  {
    date: DateText,
    time: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);
export const targetFields = {
  targetMode: literals(requestTargetModes),
  delegationId: Type.Optional(Id),
  labIds: Type.Optional(Type.Array(Id, { maxItems: 1000, uniqueItems: true })),
  personIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true })),
};
export const requestFields = {
  kind: literals(requestKinds),
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  bodyHtml: Type.Optional(Type.String({ maxLength: 100_000 })),
  deadline: Deadline,
  reminderDays: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: 60 }), { maxItems: 5, uniqueItems: true }),
  ),
  ...targetFields,
};

export function assertDeadlineZone(deadline: { timeZone: string } | undefined) {
  if (deadline && !isTimeZone(deadline.timeZone))
    throw invalid({ 'deadline.timeZone': 'is not a known time zone' });
}

/** The origin a request is sent as: the one asked for (if the person holds it), else their first. */
export function originFor(actor: Actor, asked: RequestOrigin | undefined): RequestOrigin {
  const origins = originsOf(actor);
  if (asked) {
    if (!origins.includes(asked)) throw invalid({ origin: 'is not a role you hold' });
    return asked;
  }
  return origins[0]!;
}
