import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatRelative } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import { EmptyState } from '../../../shared/States.tsx';
import { useReminderAction } from '../api.ts';
import { LateBadge, reminderStateColors, TargetStateBadge } from '../badges.tsx';
import { useRequestsT } from '../i18n.ts';
import classes from '../requests.module.css';
import type { BoardRow, Reminder, RequestDetail } from '../types.ts';
import { useReportActionError } from './ActionBar.tsx';

type Filter = 'all' | 'waiting' | 'late';

function When({ iso }: { iso: string | null }) {
  const locale = currentLocale();
  if (!iso)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Text span size="sm">
      <time dateTime={iso} title={formatDateTime(iso, locale)}>
        {formatRelative(iso, locale)}
      </time>
    </Text>
  );
}

function ReminderItem({
  request,
  row,
  reminder,
}: {
  request: RequestDetail;
  row: BoardRow;
  reminder: Reminder;
}) {
  const t = useRequestsT();
  const locale = currentLocale();
  const action = useReminderAction(request.id);
  const report = useReportActionError(request.id);
  const label = t('board.reminderFor', { step: reminder.step, lab: row.lab.acronym });
  const act = (name: 'resend' | 'mark-sent') =>
    action.mutate(
      { reminderId: reminder.id, name },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: name === 'resend' ? t('board.resent') : t('board.markedSent'),
          }),
        onError: report,
      },
    );
  const badge = (
    <Badge
      color={reminderStateColors[reminder.state]}
      variant={reminder.state === 'uncertain' ? 'filled' : 'light'}
      size="sm"
    >
      {t('board.reminderStep', { step: reminder.step })} · {t(`reminderStates.${reminder.state}`)}
    </Badge>
  );
  if (reminder.state !== 'uncertain') {
    return (
      <Group gap={4} wrap="nowrap">
        {reminder.lastError ? (
          <Tooltip label={t('board.lastError', { error: reminder.lastError })} multiline w={260}>
            {badge}
          </Tooltip>
        ) : (
          badge
        )}
        {reminder.sentAt && (
          <Text size="xs" c="dimmed">
            {formatDateTime(reminder.sentAt, locale)}
          </Text>
        )}
      </Group>
    );
  }
  return (
    <Stack gap={6} className={classes.reminderUncertain}>
      <Group gap={6} wrap="wrap">
        <IconAlertTriangle size={16} color="var(--mantine-color-orange-8)" aria-hidden />
        {badge}
      </Group>
      {reminder.lastError && (
        <Text size="xs" c="dimmed">
          {t('board.lastError', { error: reminder.lastError })}
        </Text>
      )}
      <Group gap={6} wrap="wrap">
        {reminder.abilities.resend && (
          <Button
            size="compact-xs"
            color="orange.8"
            leftSection={<IconRefresh size={13} aria-hidden />}
            loading={action.isPending && action.variables?.name === 'resend'}
            onClick={() => act('resend')}
            aria-label={`${t('board.resend')} — ${label}`}
          >
            {t('board.resend')}
          </Button>
        )}
        {reminder.abilities.markSent && (
          <Button
            size="compact-xs"
            variant="default"
            leftSection={<IconCheck size={13} aria-hidden />}
            loading={action.isPending && action.variables?.name === 'mark-sent'}
            onClick={() => act('mark-sent')}
            aria-label={`${t('board.markSent')} — ${label}`}
          >
            {t('board.markSent')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function Reminders({ request, row }: { request: RequestDetail; row: BoardRow }) {
  const t = useRequestsT();
  if (row.reminders.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('board.noReminders')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {row.reminders.map((reminder) => (
        <ReminderItem key={reminder.id} request={request} row={row} reminder={reminder} />
      ))}
    </Stack>
  );
}

function LabName({ row }: { row: BoardRow }) {
  const t = useRequestsT();
  return (
    <div>
      <Anchor component={Link} to={`/labs/${row.lab.id}`} fw={650} size="sm" title={row.lab.name}>
        {row.lab.acronym}
      </Anchor>
      {row.namedCorrespondents.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('board.namedFor', { names: row.namedCorrespondents.map((person) => person.name).join(', ') })}
        </Text>
      )}
    </div>
  );
}

function StateCell({ row, isOpen }: { row: BoardRow; isOpen: boolean }) {
  return (
    <Group gap={4} wrap="wrap">
      <TargetStateBadge state={row.state} />
      {row.isLate && (isOpen || row.answeredAt) && <LateBadge size="sm" />}
    </Group>
  );
}

/** Per lab: not seen / seen / answered / nothing, late, and the reminders with their state. */
export function Board({ request }: { request: RequestDetail }) {
  const t = useRequestsT();
  const [filter, setFilter] = useState<Filter>('all');
  const isOpen = request.state === 'open';
  const uncertain = request.board.filter((row) =>
    row.reminders.some((reminder) => reminder.state === 'uncertain'),
  );
  const rows = request.board
    .filter((row) =>
      filter === 'waiting'
        ? row.state === 'not_seen' || row.state === 'seen'
        : filter === 'late'
          ? row.isLate
          : true,
    )
    .sort((a, b) => Number(b.isLate) - Number(a.isLate) || a.lab.acronym.localeCompare(b.lab.acronym));
  const showReminders = request.summary !== null;

  if (request.board.length === 0)
    return <EmptyState title={t('board.empty')} description={t('board.emptyHint')} isCompact />;

  return (
    <Stack gap="md">
      {uncertain.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('board.uncertainAlert')}>
          <Text size="sm">{t('board.uncertainText')}</Text>
          <Text size="sm" fw={600} mt={4}>
            {uncertain.map((row) => row.lab.acronym).join(', ')}
          </Text>
        </Alert>
      )}
      {request.board.length > 3 && (
        <Group gap="xs">
          <Text size="sm" fw={500} id="board-filter-label">
            {t('board.filter')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="board-filter-label"
            value={filter}
            onChange={(value) => setFilter(value as Filter)}
            data={[
              { value: 'all', label: t('board.filterAll') },
              { value: 'waiting', label: t('board.filterWaiting') },
              { value: 'late', label: t('board.filterLate') },
            ]}
          />
        </Group>
      )}
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th scope="col">{t('board.lab')}</Table.Th>
                <Table.Th scope="col" miw={180}>
                  {t('board.state')}
                </Table.Th>
                <Table.Th scope="col">{t('board.seen')}</Table.Th>
                <Table.Th scope="col">{t('board.answered')}</Table.Th>
                {showReminders && (
                  <Table.Th scope="col" miw={260}>
                    {t('board.reminders')}
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const hasUncertain = row.reminders.some((reminder) => reminder.state === 'uncertain');
                return (
                  <Table.Tr
                    key={row.lab.id}
                    className={classes.boardRow}
                    data-late={(row.isLate && isOpen) || undefined}
                    data-uncertain={hasUncertain || undefined}
                  >
                    <Table.Th scope="row" fw={400}>
                      <LabName row={row} />
                    </Table.Th>
                    <Table.Td>
                      <StateCell row={row} isOpen={isOpen} />
                    </Table.Td>
                    <Table.Td>
                      <When iso={row.seenAt} />
                    </Table.Td>
                    <Table.Td>
                      <When iso={row.answeredAt} />
                      {row.answerCount > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('board.answers', { count: row.answerCount })}
                        </Text>
                      )}
                    </Table.Td>
                    {showReminders && (
                      <Table.Td>
                        <Reminders request={request} row={row} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => (
          <Card
            key={row.lab.id}
            component="li"
            padding="sm"
            withBorder
            className={classes.boardRow}
            data-late={(row.isLate && isOpen) || undefined}
          >
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <LabName row={row} />
                <StateCell row={row} isOpen={isOpen} />
              </Group>
              <Group gap="md">
                <Text size="xs" c="dimmed">
                  {t('board.seen')} : <When iso={row.seenAt} />
                </Text>
                <Text size="xs" c="dimmed">
                  {t('board.answered')} : <When iso={row.answeredAt} />
                </Text>
              </Group>
              {showReminders && row.reminders.length > 0 && <Reminders request={request} row={row} />}
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
