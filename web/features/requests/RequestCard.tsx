import { Anchor, Box, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { DeadlineBadge, KindBadge, LateBadge, StateBadge, TargetStateBadge } from './badges.tsx';
import { useRequestsT } from './i18n.ts';
import classes from './requests.module.css';
import type { BoardSummary, Request } from './types.ts';

/** answered / declined / seen / not seen as one bar, with its words for screen readers. */
export function ProgressBar({ summary }: { summary: BoardSummary }) {
  const t = useRequestsT();
  const parts = [
    { key: 'answered', value: summary.answered, color: 'var(--mantine-color-teal-6)' },
    { key: 'declined', value: summary.declined, color: 'var(--mantine-color-grape-4)' },
    { key: 'seen', value: summary.seen, color: 'var(--mantine-color-blue-4)' },
  ] as const;
  const label = [
    t('page.progressLabel', { done: summary.answered + summary.declined, labs: summary.labs }),
    `${t('targetStates.answered')} ${summary.answered}`,
    `${t('targetStates.declined')} ${summary.declined}`,
    `${t('targetStates.seen')} ${summary.seen}`,
    `${t('targetStates.not_seen')} ${summary.notSeen}`,
  ].join(' · ');
  return (
    <Tooltip label={label} multiline w={260}>
      <div className={classes.progress} role="img" aria-label={label}>
        {parts.map((part) =>
          part.value > 0 ? (
            <span
              key={part.key}
              style={{ width: `${(100 * part.value) / Math.max(1, summary.labs)}%`, background: part.color }}
            />
          ) : null,
        )}
      </div>
    </Tooltip>
  );
}

/** One request in a list: state, kind, deadline, who asks, and where the labs stand. */
export function RequestCard({ request }: { request: Request }) {
  const t = useRequestsT();
  const locale = currentLocale();
  const summary = request.summary;
  const isLate =
    request.state === 'open' && ((summary?.late ?? 0) > 0 || request.myLabs.some((lab) => lab.isLate));
  const tone =
    request.state === 'to_route'
      ? 'to_route'
      : isLate
        ? 'late'
        : request.state === 'closed'
          ? 'done'
          : undefined;
  return (
    <Card className={`hover-card ${classes.card}`} data-tone={tone} padding="md">
      <Stack gap={8}>
        <Group gap={6} wrap="wrap">
          <StateBadge state={request.state} />
          <KindBadge kind={request.kind} />
          {(request.state === 'open' || request.state === 'to_route') && (
            <DeadlineBadge deadline={request.deadline} isOverdue={request.isOverdue} />
          )}
        </Group>
        <Title order={2} fz="md" fw={650} lh={1.35} style={{ overflowWrap: 'anywhere' }}>
          <Anchor
            component={Link}
            to={`/requests/${request.id}`}
            c="dark.8"
            inherit
            className={classes.cardLink}
          >
            {request.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {[
            `n°\u00a0${request.number}`,
            t(`origins.${request.origin}`),
            t('list.by', { name: request.requester.name }),
            formatDate(request.createdAt, locale),
          ].join(' · ')}
        </Text>
        {summary && request.state !== 'to_route' && summary.labs > 0 && (
          <Box maw={420}>
            <Group justify="space-between" gap="xs" mb={4}>
              <Text size="xs" fw={600} c="gray.8">
                {t('list.progressShort', { done: summary.answered + summary.declined, labs: summary.labs })}
              </Text>
              {summary.late > 0 && request.state === 'open' && (
                <Text size="xs" fw={700} c="red.9">
                  {t('list.lateCount', { count: summary.late })}
                </Text>
              )}
            </Group>
            <ProgressBar summary={summary} />
          </Box>
        )}
        {request.myLabs.length > 0 && (
          <Group gap={6} wrap="wrap">
            {request.myLabs.map((item) => (
              <Group key={item.lab.id} gap={4} wrap="nowrap">
                <Text size="xs" fw={600}>
                  {item.lab.acronym}
                </Text>
                <TargetStateBadge state={item.state} size="sm" />
                {item.isLate && request.state === 'open' && <LateBadge size="sm" />}
              </Group>
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
