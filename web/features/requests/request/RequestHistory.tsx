import { Blockquote, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import type { HistoryEntry } from '../../../app/types.ts';
import { type RequestsKey, useRequestsT } from '../i18n.ts';
import { requestsFr } from '../locales.ts';

const known = new Set(Object.keys(requestsFr.history.actions));
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Who did what and when on the request, newest first, in words. */
export function RequestHistory({ items }: { items: HistoryEntry[] }) {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
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
        const title = known.has(entry.action)
          ? t(`history.actions.${entry.action}` as RequestsKey)
          : entry.action;
        const data = entry.data;
        const lab = text(data.lab) || text(data.labAcronym);
        const message = text(data.message) || text(data.reason) || text(data.context);
        return (
          <Timeline.Item
            key={entry.id}
            title={
              <Text fw={600} size="sm">
                {title}
                {lab && ` · ${lab}`}
              </Text>
            }
          >
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {entry.actor ? tc('history.by', { name: entry.actor.name }) : tc('history.bySystem')} ·{' '}
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </Text>
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
