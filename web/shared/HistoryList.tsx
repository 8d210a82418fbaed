import { Code, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format.ts';
import { currentLocale } from '../app/i18n.ts';
import type { HistoryEntry } from '../app/types.ts';

const knownActions = [
  'created',
  'updated',
  'deleted',
  'invited',
  'disabled',
  'enabled',
  'password_changed',
  'password_reset',
  'invitation_accepted',
] as const;
type KnownAction = (typeof knownActions)[number];

/** Who changed what and when, newest first. */
export function HistoryList({ items }: { items: HistoryEntry[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (items.length === 0) {
    return (
      <Group gap="xs" c="dimmed">
        <IconHistory size={18} aria-hidden />
        <Text size="sm">{t('history.empty')}</Text>
      </Group>
    );
  }
  return (
    <Timeline bulletSize={14} lineWidth={2} active={items.length}>
      {items.map((entry) => {
        const action = (knownActions as readonly string[]).includes(entry.action)
          ? t(`history.actions.${entry.action as KnownAction}`)
          : entry.action;
        const changes = entry.data.changes;
        const changed = changes && typeof changes === 'object' ? Object.keys(changes) : [];
        return (
          <Timeline.Item key={entry.id} title={<Text fw={600}>{action}</Text>}>
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {entry.actor ? t('history.by', { name: entry.actor.name }) : t('history.bySystem')} ·{' '}
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </Text>
              {changed.length > 0 && (
                <Text size="sm">
                  {t('history.changedFields')}{' '}
                  {changed.map((field, index) => (
                    <span key={field}>
                      {index > 0 && ', '}
                      <Code>{t(`fields.${field}`, { defaultValue: field })}</Code>
                    </span>
                  ))}
                </Text>
              )}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
