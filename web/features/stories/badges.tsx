import { Badge, type BadgeProps, Mark, Tooltip } from '@mantine/core';
import {
  IconAtom,
  IconBook,
  IconBuildingBank,
  IconCake,
  IconCalendarEvent,
  IconDots,
  IconLock,
  IconMicrophone,
  IconPhoto,
  IconTrophy,
} from '@tabler/icons-react';
import { Fragment } from 'react';
import type { RelayState, StoryKind, StoryState } from '../../../shared/stories.ts';
import { formatDateTime } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { useStoriesT } from './i18n.ts';
import type { Embargo, Story } from './types.ts';

export const kindIcons: Record<StoryKind, typeof IconAtom> = {
  result: IconAtom,
  image: IconPhoto,
  event: IconCalendarEvent,
  award: IconTrophy,
  visit: IconBuildingBank,
  publication: IconBook,
  anniversary: IconCake,
  media_interest: IconMicrophone,
  other: IconDots,
};

export const stateColors: Record<StoryState, string> = {
  draft: 'gray',
  submitted: 'relais',
  in_review: 'grape',
  changes_requested: 'orange',
  accepted: 'teal',
  declined: 'red',
};

export const relayStateColors: Record<RelayState, string> = {
  proposed: 'gray',
  sent: 'relais',
  published: 'teal',
  not_taken: 'orange',
};

export function KindBadge({ kind, ...props }: { kind: StoryKind } & BadgeProps) {
  const t = useStoriesT();
  const Icon = kindIcons[kind] ?? IconDots;
  return (
    <Badge color="dark" variant="light" leftSection={<Icon size={14} aria-hidden />} {...props}>
      {t(`kinds.${kind}`)}
    </Badge>
  );
}

export function StateBadge({ state, ...props }: { state: StoryState } & BadgeProps) {
  const t = useStoriesT();
  return (
    <Badge color={stateColors[state] ?? 'gray'} variant="light" {...props}>
      {t(`states.${state}`)}
    </Badge>
  );
}

export function RelayStateBadge({ state, ...props }: { state: RelayState } & BadgeProps) {
  const t = useStoriesT();
  return (
    <Badge color={relayStateColors[state] ?? 'gray'} variant="light" {...props}>
      {t(`relayStates.${state}`)}
    </Badge>
  );
}

/** The lift time in the viewer's own time zone. */
export function embargoLift(embargo: Embargo): string {
  return formatDateTime(embargo.until, currentLocale());
}

/** Shown only while the embargo holds. */
export function EmbargoBadge({ embargo, ...props }: { embargo: Embargo | null } & BadgeProps) {
  const t = useStoriesT();
  if (!embargo?.isActive) return null;
  const label = t('embargo.until', { date: embargoLift(embargo) });
  return (
    <Tooltip label={t('embargo.hint')} multiline w={260}>
      <Badge color="red.9" variant="filled" leftSection={<IconLock size={13} aria-hidden />} {...props}>
        {label}
      </Badge>
    </Tooltip>
  );
}

const day = 86_400_000;

/** Whole days since a story was submitted, for those still waiting for a decision. */
export function waitingDays(story: Pick<Story, 'state' | 'submittedAt'>, now = Date.now()): number | null {
  if (!story.submittedAt || (story.state !== 'submitted' && story.state !== 'in_review')) return null;
  return Math.max(0, Math.floor((now - Date.parse(story.submittedAt)) / day));
}

/** Amber past 3 days, red past 7. */
export function WaitingBadge({ days }: { days: number }) {
  const t = useStoriesT();
  // Filled amber (dark text) past 3 days, filled deep red past 7: both readable (WCAG AA).
  const color = days > 7 ? 'red.9' : days > 3 ? 'yellow.4' : 'gray';
  return (
    <Badge color={color} variant={days > 3 ? 'filled' : 'light'} autoContrast>
      {days === 0 ? t('waitingToday') : t('waiting', { count: days })}
    </Badge>
  );
}

const matchStart = String.fromCharCode(2);
const matchEnd = String.fromCharCode(3);

/** Splits an excerpt into plain and matched parts (odd indexes are matches). */
export function excerptParts(text: string): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest) {
    const start = rest.indexOf(matchStart);
    if (start === -1) break;
    const end = rest.indexOf(matchEnd, start + 1);
    parts.push(rest.slice(0, start), rest.slice(start + 1, end === -1 ? undefined : end));
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  parts.push(rest.split(matchEnd).join(''));
  return parts;
}

/**
 * A search excerpt: the server wraps matches in U+0002 … U+0003; split on them and mark the odd
 * parts, so no stored text can ever become markup.
 */
export function Excerpt({ text }: { text: string }) {
  return (
    <>
      {excerptParts(text).map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
          <Mark key={index} color="yellow">
            {part}
          </Mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
