import {
  ActionIcon,
  Avatar,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconBellRinging, IconChecks } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth.ts';
import { formatDateTime, formatRelative, initials } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { requestsT } from '../requests/i18n.ts';
import { type StoriesT, useStoriesT } from '../stories/i18n.ts';
import type { AppNotification } from '../stories/types.ts';
import { useMarkRead, useNotifications } from './api.ts';
import classes from './notifications.module.css';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A readable sentence for a notification, in the current language. */
export function notificationSentence(t: StoriesT, item: AppNotification): string {
  const values = {
    actor: item.actor?.name || t('notifications.someone'),
    title: text(item.data.title) || text(item.data.what),
    // Channel names were stored in both languages (older notifications: French only).
    channel: (currentLocale() === 'en' && text(item.data.channelEn)) || text(item.data.channel),
    channels: (currentLocale() === 'en' && text(item.data.channelsEn)) || text(item.data.channels),
  };
  switch (item.kind) {
    case 'story_submitted':
    case 'story_changes_requested':
    case 'story_accepted':
    case 'story_declined':
    case 'comment':
    case 'mention':
    case 'tip_received':
      return t(`notifications.kinds.${item.kind}`, values);
    case 'story_relayed':
      return values.channels
        ? t('notifications.kinds.story_relayed_to', values)
        : t('notifications.kinds.story_relayed', values);
    case 'relay_published':
      return values.channel
        ? t('notifications.kinds.relay_published', values)
        : t('notifications.kinds.relay_published_plain', values);
    case 'relay_not_taken':
      return values.channel
        ? t('notifications.kinds.relay_not_taken', values)
        : t('notifications.kinds.relay_not_taken_plain', values);
    case 'tip_answered':
      return item.data.outcome === 'converted'
        ? t('notifications.kinds.tip_converted', values)
        : t('notifications.kinds.tip_dismissed', values);
    default:
      if (item.kind.startsWith('request_') || item.kind.startsWith('solicitation_'))
        return requestSentence(item, values);
      return t('notifications.kinds.other', values);
  }
}

/** Requests and solicitations (their texts live in the requests feature). */
function requestSentence(item: AppNotification, values: { actor: string; title: string }): string {
  const data = {
    title: values.title,
    by: text(item.data.by) || values.actor,
    lab: text(item.data.lab) || requestsT('notifications.yourLab'),
  };
  switch (item.kind) {
    case 'request_answered':
      return item.data.isNothing
        ? requestsT('notifications.request_answered_nothing', data)
        : requestsT('notifications.request_answered', data);
    case 'request_reminder':
      return text(item.data.lab)
        ? requestsT('notifications.request_reminder', data)
        : requestsT('notifications.request_reminder_plain', data);
    case 'request_to_route':
    case 'request_arrived':
    case 'request_forwarded':
    case 'request_answered_by_cell':
    case 'request_declined':
    case 'solicitation_recorded':
      return requestsT(`notifications.${item.kind}`, data);
    default:
      return values.title;
  }
}

/** Where a notification leads: its story or request, the tips inbox, my tips, or the solicitations. */
export function notificationTarget(item: AppNotification): string | null {
  const requestId = text(item.data.requestId);
  if (item.kind.startsWith('request_') && requestId) return `/requests/${requestId}`;
  if (item.kind.startsWith('solicitation_')) return '/solicitations';
  if (item.kind === 'tip_received') return '/tips';
  if (item.kind === 'tip_answered') return '/tip';
  return item.storyId ? `/stories/${item.storyId}` : null;
}

function NotificationItem({
  item,
  onOpen,
}: {
  item: AppNotification;
  onOpen: (item: AppNotification) => void;
}) {
  const t = useStoriesT();
  const locale = currentLocale();
  const isUnread = !item.readAt;
  const detail = text(item.data.message);
  return (
    <UnstyledButton className={classes.item} data-unread={isUnread || undefined} onClick={() => onOpen(item)}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Avatar size={32} radius="xl" color="relais" aria-hidden>
          {item.actor ? initials(item.actor.name) : <IconBell size={16} />}
        </Avatar>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={isUnread ? 600 : 400} lh={1.35} style={{ overflowWrap: 'anywhere' }}>
            {notificationSentence(t, item)}
          </Text>
          {detail && (
            <Text size="xs" c="gray.7" lineClamp={2}>
              {detail}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            <time dateTime={item.createdAt} title={formatDateTime(item.createdAt, locale)}>
              {formatRelative(item.createdAt, locale)}
            </time>
            {isUnread && <span className="sr-only"> · {t('notifications.unread')}</span>}
          </Text>
        </Stack>
        {isUnread && <span className={classes.dot} aria-hidden />}
      </Group>
    </UnstyledButton>
  );
}

/** The header bell: unread count, recent notifications, mark read and go. Signed-in people only. */
export function NotificationBell() {
  const t = useStoriesT();
  const me = useMe();
  const navigate = useNavigate();
  const [opened, { close, toggle }] = useDisclosure(false);
  const notifications = useNotifications(me !== null);
  const markRead = useMarkRead();
  if (!me) return null;

  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');

  const open = (item: AppNotification) => {
    if (!item.readAt) markRead.mutate([item.id]);
    close();
    const target = notificationTarget(item);
    if (target) navigate(target);
  };

  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      size={18}
      offset={6}
      color="red.9"
      disabled={unread === 0}
      inline
    >
      <Popover
        opened={opened}
        onChange={(isOpen) => !isOpen && close()}
        position="bottom-end"
        width={380}
        shadow="lg"
        radius="lg"
        trapFocus
        returnFocus
        withinPortal
      >
        <Popover.Target>
          <ActionIcon variant="subtle" color="dark" size="lg" onClick={toggle} aria-label={label}>
            {unread > 0 ? <IconBellRinging size={21} aria-hidden /> : <IconBell size={21} aria-hidden />}
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} aria-label={t('notifications.title')} className={classes.dropdown}>
          <Group justify="space-between" px="md" py="sm" className={classes.header}>
            <Text fw={700} size="sm" component="h2" m={0}>
              {t('notifications.title')}
            </Text>
            {unread > 0 && (
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconChecks size={16} aria-hidden />}
                onClick={() => markRead.mutate(undefined)}
              >
                {t('notifications.markAllRead')}
              </Button>
            )}
          </Group>
          {items.length === 0 ? (
            <Box px="md" py="xl">
              <Text size="sm" c="dimmed" ta="center">
                {t('notifications.empty')}
              </Text>
            </Box>
          ) : (
            <ScrollArea.Autosize mah="min(480px, 70vh)" type="auto">
              <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
                {items.map((item) => (
                  <li key={item.id}>
                    <NotificationItem item={item} onOpen={open} />
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
