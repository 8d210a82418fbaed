import { Alert, Anchor, Blockquote, Box, Card, Grid, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArchive, IconCheck, IconHourglass, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { EmptyState, ErrorState, PageSkeleton, TableSkeleton } from '../../shared/States.tsx';
import { useDelegations } from '../labs/api.ts';
import { useRequest, useRequestHistory } from './api.ts';
import {
  DeadlineBadge,
  deadlineText,
  KindBadge,
  LateBadge,
  StateBadge,
  TargetStateBadge,
  wallClock,
} from './badges.tsx';
import { type RequestsT, useRequestsT } from './i18n.ts';
import { ProgressBar } from './RequestCard.tsx';
import { ActionBar } from './request/ActionBar.tsx';
import { AnswerForm } from './request/AnswerForm.tsx';
import { Answers } from './request/Answers.tsx';
import { Board } from './request/Board.tsx';
import { RequestHistory } from './request/RequestHistory.tsx';
import classes from './requests.module.css';
import type { RequestDetail } from './types.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
        {label}
      </Text>
      <Text size="sm" component="div" mt={2}>
        {children}
      </Text>
    </div>
  );
}

function targetsSummary(
  t: RequestsT,
  request: RequestDetail,
  delegationName: (id: string) => string,
): string {
  const { targets } = request;
  switch (targets.mode) {
    case 'all_labs':
      return t('targets.summary.all_labs');
    case 'delegation':
      return t('targets.summary.delegation', {
        name: targets.delegationId ? delegationName(targets.delegationId) : '',
      });
    case 'labs':
      return t('targets.summary.labs', { count: targets.labIds.length || request.board.length });
    case 'people':
      return t('targets.summary.people', { count: targets.personIds.length });
  }
  return '';
}

function Details({ request, id }: { request: RequestDetail; id: string }) {
  const t = useRequestsT();
  const locale = currentLocale();
  const delegations = useDelegations();
  const delegationName = (delegationId: string) => {
    const item = delegations.data?.items.find((delegation) => delegation.id === delegationId);
    return item ? `${item.code} · ${item.name}` : '…';
  };
  const summary = request.summary;
  return (
    <Card component="section" aria-labelledby={id} padding="lg">
      <Title order={2} fz="lg" id={id} mb="md">
        {t('page.details')}
      </Title>
      <Stack gap="md">
        <Fact label={t('deadline.label')}>
          <Text size="sm" fw={600}>
            {wallClock(request.deadline)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('deadline.zone', { zone: request.deadline.timeZone })}
            {Intl.DateTimeFormat().resolvedOptions().timeZone !== request.deadline.timeZone &&
              ` · ${t('deadline.yourTime', { time: formatDateTime(request.deadline.at, locale) })}`}
          </Text>
          {(request.state === 'open' || request.state === 'to_route') && (
            <Text size="xs" c={request.isOverdue ? 'red.9' : 'dimmed'} fw={request.isOverdue ? 700 : 400}>
              {deadlineText(t, request.deadline, request.isOverdue)}
            </Text>
          )}
        </Fact>
        {summary && summary.labs > 0 && (
          <Fact label={t('page.progress')}>
            <Text size="sm" mb={6}>
              {t('page.progressLabel', { done: summary.answered + summary.declined, labs: summary.labs })}
            </Text>
            <ProgressBar summary={summary} />
          </Fact>
        )}
        {request.summary && (
          <Fact label={t('page.targets')}>{targetsSummary(t, request, delegationName)}</Fact>
        )}
        {request.myLabs.length > 0 && (
          <Fact label={t('page.yourLab')}>
            <Stack gap={4}>
              {request.myLabs.map((item) => (
                <Group key={item.lab.id} gap={6}>
                  <Text size="sm" fw={600}>
                    {item.lab.acronym}
                  </Text>
                  <TargetStateBadge state={item.state} size="sm" />
                  {item.isLate && request.state === 'open' && <LateBadge size="sm" />}
                </Group>
              ))}
            </Stack>
          </Fact>
        )}
        <Fact label={t('page.requester')}>
          <Anchor component={Link} to={`/people/${request.requester.id}`} size="sm">
            {request.requester.name}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            ({t(`origins.${request.origin}`)})
          </Text>
        </Fact>
        {request.routedBy && (
          <Fact label={t('page.routed')}>
            {request.routedBy.name} · {formatDate(request.routedAt, locale)}
          </Fact>
        )}
        <Fact label={t('page.reminders')}>
          {request.reminderDays.length > 0
            ? request.reminderDays.map((days) => t('deadlineField.daysBefore', { count: days })).join(', ')
            : t('deadlineField.noReminder')}
        </Fact>
        <Fact label={t('page.created')}>{formatDate(request.createdAt, locale)}</Fact>
      </Stack>
    </Card>
  );
}

function StateAlert({ request }: { request: RequestDetail }) {
  const t = useRequestsT();
  const locale = currentLocale();
  switch (request.state) {
    case 'to_route':
      return (
        <Alert color="orange" icon={<IconHourglass size={20} aria-hidden />} title={t('page.toRouteAlert')}>
          {request.abilities.forward ? t('page.toRouteCellText') : t('page.toRouteAlertText')}
        </Alert>
      );
    case 'answered_by_cell':
      return (
        <Alert color="teal" icon={<IconCheck size={20} aria-hidden />} title={t('page.answeredByCellAlert')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {request.decisionReason}
          </Text>
          {request.decidedBy && (
            <Text size="xs" c="dimmed" mt={4}>
              {request.decidedBy.name} · {formatDateTime(request.decidedAt, locale)}
            </Text>
          )}
        </Alert>
      );
    case 'declined':
      return (
        <Alert color="red" icon={<IconX size={20} aria-hidden />} title={t('page.declinedAlert')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {request.decisionReason}
          </Text>
        </Alert>
      );
    case 'closed':
      return (
        <Alert
          color="gray"
          icon={<IconArchive size={20} aria-hidden />}
          title={t('page.closedAlert', { date: formatDate(request.closedAt, locale) })}
        >
          {request.closedBy && t('page.closedBy', { name: request.closedBy.name })}
          {request.decisionReason && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {request.decisionReason}
            </Text>
          )}
        </Alert>
      );
    default:
      if (request.summary && request.summary.late > 0)
        return (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />}>
            {t('page.lateAlert', { count: request.summary.late })}
          </Alert>
        );
      return null;
  }
}

function RequestBody({ request }: { request: RequestDetail }) {
  const t = useRequestsT();
  return (
    <Stack gap="lg">
      {request.bodyHtml ? (
        // Sanitized on the server (a short list of tags, safe links only).
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitized rich text
        <div className={classes.body} dangerouslySetInnerHTML={{ __html: request.bodyHtml }} />
      ) : (
        <Text c="dimmed" size="sm">
          {t('page.noBody')}
        </Text>
      )}
      {request.cellContext && (
        <Blockquote color="relais" p="md" fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text fw={700} size="sm" mb={4}>
            {t('page.cellContext')}
          </Text>
          {request.cellContext}
        </Blockquote>
      )}
    </Stack>
  );
}

/** A request: what is asked, by when; the board per lab; the answers; answering for one's lab; history. */
export default function RequestPage() {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const request = useRequest(id);
  const canReadHistory = request.data?.abilities.readHistory ?? false;
  const history = useRequestHistory(id, canReadHistory);

  if (request.isPending) return <PageSkeleton />;
  if (request.isError) {
    const isMissing = request.error instanceof ApiError && request.error.status === 404;
    return (
      <>
        <PageHeader title={t('nav.requests')} breadcrumbs={[{ label: t('nav.requests'), to: '/requests' }]} />
        {isMissing ? (
          <EmptyState title={tc('errors.notFound')} />
        ) : (
          <ErrorState error={request.error} onRetry={() => void request.refetch()} />
        )}
      </>
    );
  }
  const data = request.data;
  const seesBoard = data.summary !== null;
  const tabs = [
    'request',
    ...(seesBoard ? ['board', 'answers'] : []),
    ...(canReadHistory ? ['history'] : []),
  ];
  const requested = params.get('tab') ?? 'request';
  const tab = tabs.includes(requested) ? requested : 'request';
  const isActive = data.state === 'open' || data.state === 'to_route';

  return (
    <>
      <PageHeader
        title={data.title}
        breadcrumbs={[{ label: t('nav.requests'), to: '/requests' }]}
        eyebrow={
          <Group gap={6} wrap="wrap">
            <StateBadge state={data.state} size="lg" />
            <KindBadge kind={data.kind} size="lg" />
            {isActive && <DeadlineBadge deadline={data.deadline} isOverdue={data.isOverdue} size="lg" />}
          </Group>
        }
        description={
          <Text size="sm" c="dimmed" component="span">
            {t('page.number', { number: data.number })} · {t('list.by', { name: data.requester.name })} ·{' '}
            {t(`origins.${data.origin}`)}
          </Text>
        }
        actions={
          <Group gap="sm" wrap="wrap" role="group" aria-label={t('actions.bar')}>
            <ActionBar request={data} />
          </Group>
        }
      />
      <Stack gap="lg">
        <StateAlert request={data} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              {data.abilities.answer && <AnswerForm request={data} />}
              <Card padding={0}>
                <Tabs
                  value={tab}
                  onChange={(value) =>
                    setParams(
                      (current) => {
                        const next = new URLSearchParams(current);
                        if (!value || value === 'request') next.delete('tab');
                        else next.set('tab', value);
                        return next;
                      },
                      { replace: true },
                    )
                  }
                >
                  <Tabs.List
                    aria-label={t('page.tabs')}
                    px={{ base: 'xs', sm: 'md' }}
                    pt="xs"
                    style={{ flexWrap: 'nowrap', overflowX: 'auto' }}
                  >
                    <Tabs.Tab value="request">{t('page.tabRequest')}</Tabs.Tab>
                    {seesBoard && (
                      <Tabs.Tab value="board">
                        {t('page.tabBoard')}
                        {data.summary && data.summary.late > 0 && (
                          <Text span c="red.9" fw={700}>
                            {' '}
                            · {t('list.lateCount', { count: data.summary.late })}
                          </Text>
                        )}
                      </Tabs.Tab>
                    )}
                    {seesBoard && (
                      <Tabs.Tab value="answers">
                        {t('page.tabAnswers')} ({data.answers.length})
                      </Tabs.Tab>
                    )}
                    {canReadHistory && <Tabs.Tab value="history">{t('page.tabHistory')}</Tabs.Tab>}
                  </Tabs.List>
                  <Tabs.Panel value="request" p={{ base: 'md', sm: 'xl' }}>
                    <Stack gap="xl">
                      <RequestBody request={data} />
                      {!seesBoard && data.answers.length > 0 && (
                        <Answers request={data} title={t('answers.mine')} />
                      )}
                    </Stack>
                  </Tabs.Panel>
                  {seesBoard && (
                    <Tabs.Panel value="board" p={{ base: 'sm', sm: 'xl' }}>
                      <Board request={data} />
                    </Tabs.Panel>
                  )}
                  {seesBoard && (
                    <Tabs.Panel value="answers" p={{ base: 'sm', sm: 'xl' }}>
                      <Answers request={data} />
                    </Tabs.Panel>
                  )}
                  {canReadHistory && (
                    <Tabs.Panel value="history" p={{ base: 'md', sm: 'xl' }}>
                      {history.data ? (
                        <RequestHistory items={history.data.items} />
                      ) : (
                        <TableSkeleton rows={4} />
                      )}
                    </Tabs.Panel>
                  )}
                </Tabs>
              </Card>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Box>
              <Details request={data} id="request-details-title" />
            </Box>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
