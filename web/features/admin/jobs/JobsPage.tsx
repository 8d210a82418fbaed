import {
  Badge,
  Box,
  Button,
  Card,
  Code,
  Group,
  Pagination,
  SegmentedControl,
  Select,
  Spoiler,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockPlay, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api.ts';
import { notifyError } from '../../../app/errors.ts';
import { formatDateTime, formatRelative } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import { EmptyState, ErrorState, TableSkeleton } from '../../../shared/States.tsx';
import { SectionHeader } from '../Toolbar.tsx';
import { type Job, type JobState, type JobsKey, jobStates, useJobs, useJobsT, useRetryJob } from './api.ts';

const pageSize = 25;

const stateColors: Record<JobState, string> = {
  pending: 'gray',
  running: 'blue',
  done: 'teal',
  failed: 'red',
};

function When({ iso }: { iso: string | null }) {
  const locale = currentLocale();
  if (!iso) return <>—</>;
  return (
    <time dateTime={iso} title={formatDateTime(iso, locale)}>
      {formatRelative(iso, locale)}
    </time>
  );
}

function RetryButton({ job }: { job: Job }) {
  const t = useJobsT();
  const { t: tc } = useTranslation();
  const retry = useRetryJob();
  if (!job.abilities.retry) return null;
  return (
    <Button
      size="xs"
      variant="light"
      color="red"
      leftSection={<IconRefresh size={14} aria-hidden />}
      loading={retry.isPending}
      aria-label={t('retryLabel', { kind: job.kind })}
      onClick={() =>
        retry.mutate(job.id, {
          onSuccess: () => notifications.show({ color: 'teal', message: t('retried') }),
          onError: (error) =>
            error instanceof ApiError && error.status === 409
              ? notifications.show({ color: 'orange', message: t('notFailed') })
              : notifyError(tc, error),
        })
      }
    >
      {t('retry')}
    </Button>
  );
}

function StateBadge({ state }: { state: JobState }) {
  const t = useJobsT();
  return (
    <Badge color={stateColors[state]} variant={state === 'failed' ? 'filled' : 'light'}>
      {t(`states.${state}`)}
    </Badge>
  );
}

function ErrorText({ job }: { job: Job }) {
  if (!job.lastError) return null;
  return (
    <Spoiler maxHeight={44} showLabel="…" hideLabel="↑" styles={{ control: { fontSize: 12 } }}>
      <Code block c="red.9" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 12 }}>
        {job.lastError}
      </Code>
    </Spoiler>
  );
}

/** "Tâches de fond": the job queue by state, failed jobs with their error and a retry, and the schedules. */
export default function JobsPage() {
  const t = useJobsT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const [state, setState] = useState<JobState | 'all'>('all');
  const [kind, setKind] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [kinds, setKinds] = useState<string[]>([]);
  const jobs = useJobs({
    state: state === 'all' ? undefined : state,
    kind: kind ?? undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const seen = jobs.data?.items.map((job) => job.kind).filter((name) => !kinds.includes(name)) ?? [];
  if (seen.length > 0) setKinds([...new Set([...kinds, ...seen])].sort());
  const counts = jobs.data?.counts;
  const all = counts ? jobStates.reduce((sum, name) => sum + counts[name], 0) : undefined;
  const total = jobs.data?.total ?? 0;
  const pages = Math.ceil(total / pageSize);
  const label = (name: JobState | 'all', count: number | undefined) =>
    `${t(`states.${name}`)}${count === undefined ? '' : ` · ${count}`}`;

  return (
    <>
      <SectionHeader
        title={tc('admin.tabs.jobs')}
        action={
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={() => void jobs.refetch()}
            loading={jobs.isFetching && !jobs.isPending}
          >
            {t('refresh')}
          </Button>
        }
      />
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {t('description')}
      </Text>
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <Box style={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Text size="sm" fw={500} mb={4} id="job-state-label">
            {t('filter')}
          </Text>
          <SegmentedControl
            aria-labelledby="job-state-label"
            value={state}
            onChange={(value) => {
              setState(value as JobState | 'all');
              setPage(1);
            }}
            data={[
              { value: 'all', label: label('all', all) },
              ...jobStates.map((name) => ({ value: name, label: label(name, counts?.[name]) })),
            ]}
            color={state === 'failed' ? 'red' : undefined}
          />
        </Box>
        <Select
          label={t('kind')}
          placeholder={t('kindPlaceholder')}
          data={kinds}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setPage(1);
          }}
          clearable
          clearButtonProps={{ 'aria-label': tc('common.clearFilters') }}
          w={{ base: '100%', xs: 240 }}
        />
        <Text size="sm" c="dimmed" pb={8} aria-live="polite">
          {jobs.data ? t('count', { count: total }) : tc('common.loading')}
        </Text>
      </Group>

      {jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.isPending ? (
        <TableSkeleton rows={8} />
      ) : jobs.data.items.length === 0 ? (
        <EmptyState
          icon={<IconClockPlay size={28} aria-hidden />}
          title={state === 'failed' ? t('emptyFailed') : t('empty')}
          description={state === 'failed' ? t('emptyFailedHint') : t('emptyHint')}
        />
      ) : (
        <>
          <Card p={0} style={{ overflow: 'hidden' }} visibleFrom="sm">
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm">
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{t('kind')}</Table.Th>
                    <Table.Th scope="col">{t('state')}</Table.Th>
                    <Table.Th scope="col">{t('attempts')}</Table.Th>
                    <Table.Th scope="col">{t('runAt')}</Table.Th>
                    <Table.Th scope="col">{t('updated')}</Table.Th>
                    <Table.Th scope="col">
                      <span className="sr-only">{tc('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {jobs.data.items.map((job) => (
                    <Table.Tr key={job.id} bg={job.state === 'failed' ? 'red.0' : undefined}>
                      <Table.Td maw={380}>
                        <Code fz="sm">{job.kind}</Code>
                        {job.lockedBy && job.state === 'running' && (
                          <Text size="xs" c="dimmed" mt={4}>
                            {t('lockedBy', {
                              worker: job.lockedBy,
                              until: formatDateTime(job.lockedUntil, locale),
                            })}
                          </Text>
                        )}
                        {job.lastError && (
                          <Box mt={6}>
                            <ErrorText job={job} />
                          </Box>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <StateBadge state={job.state} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {job.attempts}/{job.maxAttempts}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          <When iso={job.runAt} />
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          <When iso={job.finishedAt ?? job.updatedAt} />
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RetryButton job={job} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {jobs.data.items.map((job) => (
              <Card
                key={job.id}
                component="li"
                padding="sm"
                withBorder
                bg={job.state === 'failed' ? 'red.0' : undefined}
              >
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Code fz="sm" style={{ overflowWrap: 'anywhere' }}>
                      {job.kind}
                    </Code>
                    <StateBadge state={job.state} />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('attempts')} {job.attempts}/{job.maxAttempts} · {t('runAt')} <When iso={job.runAt} />
                  </Text>
                  <ErrorText job={job} />
                  <div>
                    <RetryButton job={job} />
                  </div>
                </Stack>
              </Card>
            ))}
          </Stack>
        </>
      )}
      {pages > 1 && (
        <Group justify="center" mt="lg">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous'
                  ? tc('common.previousPage')
                  : control === 'next'
                    ? tc('common.nextPage')
                    : control,
            })}
            getItemProps={(item) => ({ 'aria-label': tc('common.page', { page: item }) })}
          />
        </Group>
      )}

      {jobs.data && jobs.data.schedules.length > 0 && (
        <Box component="section" aria-labelledby="schedules-title" mt="xl">
          <Title order={3} fz="lg" id="schedules-title" mb="sm">
            {t('schedules')}
          </Title>
          <Card p={0} style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={520}>
              <Table verticalSpacing="sm">
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{t('schedule')}</Table.Th>
                    <Table.Th scope="col">{t('cron')}</Table.Th>
                    <Table.Th scope="col">{t('nextRun')}</Table.Th>
                    <Table.Th scope="col">{t('lastRun')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {jobs.data.schedules.map((schedule) => (
                    <Table.Tr key={schedule.name}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {t(`scheduleNames.${schedule.name}` as JobsKey, { defaultValue: schedule.name })}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {schedule.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code>{schedule.cron}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          <When iso={schedule.nextRunAt} />
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {schedule.lastRunAt ? <When iso={schedule.lastRunAt} /> : t('never')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </Box>
      )}
    </>
  );
}
