import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { IssueState } from '../../../shared/newsletters.ts';
import { currentLocale } from '../../app/i18n.ts';
import { useNewslettersT } from './i18n.ts';
import type { Embargo } from './types.ts';

const colors: Record<IssueState, string> = {
  draft: 'gray',
  scheduled: 'blue',
  sending: 'violet',
  paused: 'orange',
  published: 'teal',
  cancelled: 'dark',
};

export function IssueStateBadge({ state, ...props }: { state: IssueState } & BadgeProps) {
  const t = useNewslettersT();
  return (
    <Badge variant="light" color={colors[state] ?? 'gray'} {...props}>
      {t(`states.${state}`)}
    </Badge>
  );
}

/** The embargo's end, in its own zone (named when it is not the reader's). */
export function formatEmbargo(embargo: NonNullable<Embargo>, style: 'long' | 'medium' = 'long'): string {
  const locale = currentLocale() === 'en' ? 'en-GB' : 'fr-FR';
  const zone = embargo.timeZone ?? undefined;
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: style,
    timeStyle: 'short',
    timeZone: zone,
  }).format(new Date(embargo.until));
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone !== own && style === 'long' ? `${text} (${zone})` : text;
}

export function EmbargoBadge({ embargo }: { embargo: Embargo }) {
  const t = useNewslettersT();
  if (!embargo?.isActive) return null;
  const date = formatEmbargo(embargo);
  return (
    <Tooltip label={t('embargo.blocking', { date })} multiline w={280}>
      <Badge color="orange" variant="light" leftSection={<IconLock size={12} aria-hidden />} tabIndex={0}>
        {t('embargo.until', { date: formatEmbargo(embargo, 'medium') })}
      </Badge>
    </Tooltip>
  );
}
