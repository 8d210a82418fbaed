import type { Locale } from '../../../shared/roles.ts';
import type { Db } from '../../db/connection.ts';
import { utcToZoned } from '../../lib/dates.ts';
import { newId } from '../../lib/tokens.ts';
import { type NoticeText, queueNotificationEmails } from '../notifications/email.ts';

export type RequestNoticeKind =
  | 'request_to_route'
  | 'request_arrived'
  | 'request_forwarded'
  | 'request_answered'
  | 'request_answered_by_cell'
  | 'request_declined'
  | 'request_reminder'
  | 'solicitation_recorded';

/** What a request notification carries (story_id stays null). */
export type RequestNoticeData = {
  requestId?: string;
  solicitationId?: string;
  title: string;
  /** who acted: requester, cell member, answering correspondent, recording correspondent */
  by?: string;
  /** the lab concerned (an answer, a reminder, a solicitation) */
  lab?: string;
  /** a reason, the cell's answer, an organisation */
  message?: string;
  /** the deadline, ISO, and its zone */
  deadline?: string;
  timeZone?: string;
  /** an answer: "nothing for this one" */
  isNothing?: boolean;
};

/**
 * In-app notifications about a request or a solicitation for the active accounts among
 * `recipientIds`, except the actor; their mails are queued in the same transaction. `mailed`: the
 * caller sends the mail itself (reminders keep their own ledger), so none is queued.
 */
export async function notifyAboutRequest(
  db: Db,
  input: {
    recipientIds: Iterable<string>;
    kind: RequestNoticeKind;
    actorId: string | null;
    data: RequestNoticeData;
    at: string;
    mailed?: boolean;
  },
): Promise<string[]> {
  const ids = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (ids.length === 0) return [];
  const people = await db
    .selectFrom('people')
    .select('id')
    .where('id', 'in', ids)
    .where('account_status', '=', 'active')
    .execute();
  const rows = people.map((person) => ({
    id: newId(),
    recipient_id: person.id,
    kind: input.kind,
    story_id: null,
    actor_id: input.actorId,
    data: JSON.stringify(input.data),
    created_at: input.at,
    read_at: null,
    emailed_at: input.mailed ? input.at : null,
  }));
  if (rows.length) await db.insertInto('notifications').values(rows).execute();
  const notificationIds = rows.map((row) => row.id);
  if (!input.mailed) await queueNotificationEmails(db, notificationIds, new Date(input.at));
  return notificationIds;
}

export function formatDeadline(iso: string, timeZone: string, locale: Locale): string {
  const { date, time } = utcToZoned(iso, timeZone);
  const [year, month, day] = date.split('-');
  return locale === 'fr' ? `${day}/${month}/${year} à ${time}` : `${year}-${month}-${day} at ${time}`;
}

/** Subject, lines and action of a request or solicitation notification (mail and digest). */
export function describeRequestNotice(
  kind: string,
  raw: Record<string, unknown>,
  locale: Locale,
): NoticeText {
  const data = raw as RequestNoticeData;
  const fr = locale === 'fr';
  const title = data.title ?? '';
  const by = data.by ?? '';
  const path = data.requestId ? `/requests/${data.requestId}` : '/solicitations';
  const action = fr ? 'Voir la demande' : 'Open the request';
  const deadline = data.deadline && data.timeZone ? formatDeadline(data.deadline, data.timeZone, locale) : '';
  const message = data.message ?? '';
  switch (kind) {
    case 'request_to_route':
      return {
        subject: fr ? `Demande à router — ${title}` : `Request to route — ${title}`,
        lines: [
          fr ? `${by} adresse une demande aux laboratoires :` : `${by} is asking the labs:`,
          `« ${title} »`,
          deadline ? (fr ? `Échéance : ${deadline}` : `Deadline: ${deadline}`) : '',
        ],
        action,
        path,
      };
    case 'request_arrived':
      return {
        subject: fr ? `Nouvelle demande — ${title}` : `New request — ${title}`,
        lines: [
          fr ? `${by} sollicite votre laboratoire :` : `${by} asks your lab:`,
          `« ${title} »`,
          deadline ? (fr ? `Réponse attendue avant le ${deadline}.` : `Answer expected by ${deadline}.`) : '',
        ],
        action,
        path,
      };
    case 'request_forwarded':
      return {
        subject: fr ? `Votre demande est transmise — ${title}` : `Your request was forwarded — ${title}`,
        lines: [
          fr
            ? `${by} a transmis votre demande « ${title} » aux laboratoires.`
            : `${by} forwarded your request “${title}” to the labs.`,
          message,
        ],
        action,
        path,
      };
    case 'request_answered':
      return {
        subject: fr ? `Réponse de ${data.lab ?? ''} — ${title}` : `Answer from ${data.lab ?? ''} — ${title}`,
        lines: [
          data.isNothing
            ? fr
              ? `${data.lab ?? ''} n’a rien pour la demande « ${title} ».`
              : `${data.lab ?? ''} has nothing for the request “${title}”.`
            : fr
              ? `${by} (${data.lab ?? ''}) a répondu à la demande « ${title} ».`
              : `${by} (${data.lab ?? ''}) answered the request “${title}”.`,
        ],
        action: fr ? 'Voir la réponse' : 'Open the answer',
        path,
      };
    case 'request_answered_by_cell':
      return {
        subject: fr
          ? `La cellule répond à votre demande — ${title}`
          : `The cell answered your request — ${title}`,
        lines: [
          fr ? `${by} a répondu à votre demande « ${title} » :` : `${by} answered your request “${title}”:`,
          message,
        ],
        action,
        path,
      };
    case 'request_declined':
      return {
        subject: fr ? `Demande non transmise — ${title}` : `Request declined — ${title}`,
        lines: [
          fr
            ? `${by} ne transmet pas votre demande « ${title} » aux laboratoires :`
            : `${by} will not forward your request “${title}” to the labs:`,
          message,
        ],
        action,
        path,
      };
    case 'request_reminder':
      return {
        subject: fr
          ? `Rappel : une demande attend votre réponse — ${title}`
          : `Reminder: a request awaits your answer — ${title}`,
        lines: [
          fr
            ? `La demande « ${title} » attend toujours la réponse de ${data.lab ?? 'votre laboratoire'}.`
            : `The request “${title}” still awaits the answer of ${data.lab ?? 'your lab'}.`,
          deadline ? (fr ? `Échéance : ${deadline}.` : `Deadline: ${deadline}.`) : '',
          fr
            ? 'Si vous n’avez rien à proposer, dites-le en un clic : « rien pour cette fois ».'
            : 'If you have nothing to offer, say so in one click: “nothing for this one”.',
        ],
        action: fr ? 'Répondre' : 'Answer',
        path,
      };
    case 'solicitation_recorded':
      return {
        subject: fr
          ? `Sollicitation directe signalée — ${data.lab ?? ''}`
          : `Direct solicitation recorded — ${data.lab ?? ''}`,
        lines: [
          fr
            ? `${by} signale que ${message || 'quelqu’un'} a contacté ${data.lab ?? 'le laboratoire'} directement :`
            : `${by} reports that ${message || 'someone'} contacted ${data.lab ?? 'the lab'} directly:`,
          `« ${title} »`,
        ],
        action: fr ? 'Voir les sollicitations' : 'Open the solicitations',
        path,
      };
    default:
      return { subject: title, lines: [title], action, path };
  }
}
