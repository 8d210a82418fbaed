import { Anchor, Blockquote, Code, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, localized } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import type { HistoryEntry } from '../../../app/types.ts';
import { useChannels } from '../api.ts';
import { type StoriesKey, useStoriesT } from '../i18n.ts';
import { locales as localeKeys } from './history-keys.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Who did what and when on the story, newest first, in words. */
export function StoryHistory({ items }: { items: HistoryEntry[] }) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const channels = useChannels();
  const channelName = (slug: string) => {
    const channel = channels.data?.items.find((item) => item.slug === slug);
    return channel ? localized(channel.name, locale) : slug;
  };

  if (items.length === 0) {
    return (
      <Group gap="xs" c="dimmed">
        <IconHistory size={18} aria-hidden />
        <Text size="sm">{tc('history.empty')}</Text>
      </Group>
    );
  }

  return (
    <Timeline bulletSize={14} lineWidth={2} active={items.length}>
      {items.map((entry) => {
        const actionKey = `history.actions.${entry.action}`;
        const title = localeKeys.actions.has(entry.action) ? t(actionKey as StoriesKey) : entry.action;
        const data = entry.data;
        const changes = data.changes && typeof data.changes === 'object' ? Object.keys(data.changes) : [];
        const message = text(data.message) || text(data.note) || text(data.reason);
        const slugs = Array.isArray(data.channels) ? data.channels.map(String) : [];
        return (
          <Timeline.Item
            key={entry.id}
            title={
              <Text fw={600} size="sm">
                {title}
              </Text>
            }
          >
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {entry.actor ? tc('history.by', { name: entry.actor.name }) : tc('history.bySystem')} ·{' '}
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </Text>
              {changes.length > 0 && (
                <Text size="sm">
                  {tc('history.changedFields')}{' '}
                  {changes.map((field, index) => (
                    <span key={field}>
                      {index > 0 && ', '}
                      <Code>
                        {localeKeys.fields.has(field) ? t(`history.fields.${field}` as StoriesKey) : field}
                      </Code>
                    </span>
                  ))}
                </Text>
              )}
              {slugs.length > 0 && (
                <Text size="sm">{t('history.channels', { list: slugs.map(channelName).join(', ') })}</Text>
              )}
              {typeof data.channel === 'string' && (
                <Text size="sm">{t('history.channel', { name: channelName(data.channel) })}</Text>
              )}
              {typeof data.url === 'string' && data.url && (
                <Text size="sm">
                  <Anchor
                    href={data.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    size="sm"
                    underline="always"
                  >
                    {data.url}
                  </Anchor>
                  {typeof data.publishedOn === 'string' && ` · ${formatDate(data.publishedOn, locale)}`}
                </Text>
              )}
              {typeof data.name === 'string' && entry.action.startsWith('attachment') && (
                <Text size="sm">{t('history.file', { name: data.name })}</Text>
              )}
              {message && (
                <Blockquote p="xs" color="gray" fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {message}
                </Blockquote>
              )}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
