import { Badge, type BadgeProps, Text, Tooltip } from '@mantine/core';
import {
  IconAlarm,
  IconCalendarEvent,
  IconChartBar,
  IconDots,
  IconFileDescription,
  IconMicrophone,
  IconNotebook,
  IconPhoto,
} from '@tabler/icons-react';
import type {
  ReminderState,
  RequestKind,
  RequestState,
  SolicitationState,
  TargetState,
} from '../../../shared/requests.ts';
import { formatDateTime, formatRelative } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { type RequestsT, useRequestsT } from './i18n.ts';
import type { Deadline } from './types.ts';

export const kindIcons: Record<RequestKind, typeof IconPhoto> = {
  expert: IconMicrophone,
  images: IconPhoto,
  annual_report: IconNotebook,
  brochure: IconFileDescription,
  event: IconCalendarEvent,
  figures: IconChartBar,
  other: IconDots,
};

export const stateColors: Record<RequestState, string> = {
  to_route: 'orange',
  open: 'relais',
  answered_by_cell: 'teal',
  declined: 'gray',
  closed: 'dark',
};

export const targetStateColors: Record<TargetState, string> = {
  not_seen: 'gray',
  seen: 'blue',
  answered: 'teal',
  declined: 'grape',
};

export const reminderStateColors: Record<ReminderState, string> = {
  pending: 'gray',
  sending: 'blue',
  sent: 'teal',
  uncertain: 'orange',
  cancelled: 'gray',
};

export const solicitationStateColors: Record<SolicitationState, string> = {
  new: 'orange',
  routed: 'teal',
  dismissed: 'gray',
};

export function KindBadge({ kind, ...props }: { kind: RequestKind } & BadgeProps) {
  const t = useRequestsT();
  const Icon = kindIcons[kind] ?? IconDots;
  return (
    <Badge color="dark" variant="light" leftSection={<Icon size={14} aria-hidden />} {...props}>
      {t(`kinds.${kind}`)}
    </Badge>
  );
}

export function StateBadge({ state, ...props }: { state: RequestState } & BadgeProps) {
  const t = useRequestsT();
  return (
    <Badge color={stateColors[state] ?? 'gray'} variant="light" {...props}>
      {t(`states.${state}`)}
    </Badge>
  );
}

export function TargetStateBadge({ state, ...props }: { state: TargetState } & BadgeProps) {
  const t = useRequestsT();
  return (
    <Badge
      color={targetStateColors[state] ?? 'gray'}
      variant={state === 'not_seen' ? 'outline' : 'light'}
      {...props}
    >
      {t(`targetStates.${state}`)}
    </Badge>
  );
}

export function LateBadge(props: BadgeProps) {
  const t = useRequestsT();
  return (
    <Badge color="red.9" variant="filled" leftSection={<IconAlarm size={12} aria-hidden />} {...props}>
      {t('late')}
    </Badge>
  );
}

/** "Pour le 4 déc. 2026, 17:00" in the request's zone, with the relative time. */
export function deadlineText(t: RequestsT, deadline: Deadline, isOverdue: boolean): string {
  const locale = currentLocale();
  return isOverdue ? t('overdue') : t('deadline.dueIn', { relative: formatRelative(deadline.at, locale) });
}

/** The deadline as written by the requester (date, time, zone), and what it is in the viewer's time. */
export function wallClock(deadline: Deadline): string {
  const locale = currentLocale();
  const day = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${deadline.date}T00:00:00Z`));
  return `${day}, ${deadline.time}`;
}

export function DeadlineBadge({
  deadline,
  isOverdue,
  ...props
}: { deadline: Deadline; isOverdue: boolean } & BadgeProps) {
  const t = useRequestsT();
  const locale = currentLocale();
  const soon = !isOverdue && Date.parse(deadline.at) - Date.now() < 2 * 86_400_000;
  return (
    <Tooltip label={`${wallClock(deadline)} (${deadline.timeZone}) · ${formatDateTime(deadline.at, locale)}`}>
      <Badge
        color={isOverdue ? 'red' : soon ? 'orange' : 'gray'}
        variant={isOverdue ? 'filled' : 'light'}
        leftSection={<IconAlarm size={13} aria-hidden />}
        tabIndex={0}
        {...props}
      >
        {isOverdue ? t('overdue') : t('deadline.due', { date: wallClock(deadline) })}
      </Badge>
    </Tooltip>
  );
}

export function RelativeDeadline({ deadline, isOverdue }: { deadline: Deadline; isOverdue: boolean }) {
  const t = useRequestsT();
  return (
    <Text span size="sm" c={isOverdue ? 'red.9' : 'dimmed'}>
      {deadlineText(t, deadline, isOverdue)}
    </Text>
  );
}

/** A calendar day ("2026-05-17"), the same wherever the viewer is. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}
