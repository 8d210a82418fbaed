import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconCalendarTime,
  IconCheck,
  IconEyeOff,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconQuestionMark,
  IconRefresh,
  IconSend,
  IconTestPipe,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { Fragment, type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { useMe } from '../../app/auth.ts';
import { notifyError } from '../../app/errors.ts';
import { formatDateTime } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { ConfirmButton } from '../../shared/ConfirmButton.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../shared/States.tsx';
import { useLists } from '../audiences/api.ts';
import {
  type CampaignAction,
  useCampaign,
  useCampaignAction,
  useDeleteCampaign,
  useProgress,
  useUncertain,
} from './api.ts';
import { CampaignStateBadge, KindBadge } from './badges.tsx';
import { useCampaignsT } from './i18n.ts';
import { MailPreview } from './MailPreview.tsx';
import { ProgressPanel } from './ProgressPanel.tsx';
import { audienceOf, ScheduleModal, SendNowModal, TestSendModal } from './SendModals.tsx';
import type { Campaign } from './types.ts';

function UncertainPanel({ campaign }: { campaign: Campaign }) {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const uncertain = useUncertain(campaign.id, campaign.counts.uncertain > 0);
  const action = useCampaignAction(campaign.id);
  const resolve = async (as: 'sent' | 'resend', contactIds?: string[]) => {
    try {
      await action.mutateAsync({ name: 'uncertain/resolve', body: { as, contactIds } });
      notifications.show({ color: 'teal', message: t('uncertain.done') });
      void uncertain.refetch();
    } catch (error) {
      if (isApiError(error) && error.status === 409)
        notifications.show({ color: 'orange', message: t('uncertain.gone') });
      else notifyError(tc, error);
      void uncertain.refetch();
      throw error;
    }
  };
  if (campaign.counts.uncertain === 0) return null;
  const canResolve = Boolean(campaign.abilities.resolveUncertain);
  return (
    <Card withBorder padding="lg" style={{ borderColor: 'var(--mantine-color-orange-4)' }}>
      <Stack gap="md">
        <Group gap="xs">
          <IconQuestionMark size={20} color="var(--mantine-color-orange-7)" aria-hidden />
          <Title order={2} fz="lg">
            {t('uncertain.title', { count: campaign.counts.uncertain })}
          </Title>
        </Group>
        <Text size="sm">{t('uncertain.explain')}</Text>
        {canResolve && (
          <Group gap="sm">
            <ConfirmButton
              color="teal"
              variant="light"
              leftSection={<IconCheck size={16} aria-hidden />}
              title={t('uncertain.markSentAllTitle')}
              message={t('uncertain.markSentAllMessage')}
              confirmLabel={t('uncertain.markSent')}
              onConfirm={() => resolve('sent')}
            >
              {t('uncertain.markSent')}
            </ConfirmButton>
            <ConfirmButton
              color="orange"
              variant="light"
              leftSection={<IconRefresh size={16} aria-hidden />}
              title={t('uncertain.resendAllTitle')}
              message={t('uncertain.resendAllMessage')}
              confirmLabel={t('uncertain.resend')}
              onConfirm={() => resolve('resend')}
            >
              {t('uncertain.resend')}
            </ConfirmButton>
          </Group>
        )}
        {uncertain.data && uncertain.data.items.length > 0 && (
          <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {uncertain.data.items.map((row) => (
              <Group
                key={row.contactId}
                component="li"
                justify="space-between"
                wrap="nowrap"
                py="xs"
                style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
              >
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {row.name ? `${row.name} · ` : ''}
                    {row.email}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {t('uncertain.attempts', { count: row.attempts })} ·{' '}
                    {t('uncertain.since', { date: formatDateTime(row.since, locale) })}
                    {row.lastError ? ` · ${row.lastError}` : ''}
                  </Text>
                </Stack>
                {canResolve && (
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('uncertain.markSent')}>
                      <ActionIcon
                        variant="subtle"
                        color="teal"
                        aria-label={t('uncertain.markSentOne', { email: row.email })}
                        onClick={() => void resolve('sent', [row.contactId]).catch(() => undefined)}
                      >
                        <IconCheck size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('uncertain.resend')}>
                      <ActionIcon
                        variant="subtle"
                        color="orange"
                        aria-label={t('uncertain.resendOne', { email: row.email })}
                        onClick={() => void resolve('resend', [row.contactId]).catch(() => undefined)}
                      >
                        <IconRefresh size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function StatsPanel({ campaign }: { campaign: Campaign }) {
  const t = useCampaignsT();
  const figures = [
    { key: 'recipients', value: campaign.recipientCount },
    { key: 'sent', value: campaign.counts.sent },
    { key: 'failed', value: campaign.counts.failed },
    { key: 'suppressed', value: campaign.counts.suppressed },
    { key: 'unsubscribes', value: campaign.stats.unsubscribes },
    { key: 'hardBounces', value: campaign.stats.hardBounces },
  ] as const;
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={2} fz="lg">
          {t('stats.title')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm" component="dl" m={0}>
          {figures.map((figure) => (
            <div key={figure.key}>
              <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
                {t(`stats.${figure.key}`)}
              </Text>
              <Text component="dd" m={0} fz={24} fw={700}>
                {figure.value.toLocaleString()}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconEyeOff
            size={16}
            aria-hidden
            color="var(--mantine-color-gray-6)"
            style={{ flexShrink: 0, marginTop: 2 }}
          />
          <Text size="xs" c="dimmed">
            {t('stats.privacy')}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

/** One campaign: what it is, its preview, test, schedule or send, the live progress, the figures. */
export default function CampaignPage() {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const lists = useLists();
  const state = campaign.data?.state;
  const progress = useProgress(id, state === 'scheduled' || state === 'sending');
  const action = useCampaignAction(id);
  const remove = useDeleteCampaign();
  const [isTesting, testing] = useDisclosure(false);
  const [isScheduling, scheduling] = useDisclosure(false);
  const [isSending, sending] = useDisclosure(false);

  // Polling stops when the campaign settles: read the progress once more, so its figures are final.
  const refetchProgress = progress.refetch;
  useEffect(() => {
    if (state === 'sent' || state === 'paused' || state === 'cancelled') void refetchProgress();
  }, [state, refetchProgress]);

  // The progress moves on its own: when its state differs, refresh the campaign (and its abilities).
  const progressState = progress.data?.state;
  const progressUncertain = progress.data?.uncertain;
  useEffect(() => {
    if (!campaign.data || !progressState) return;
    if (progressState !== campaign.data.state || progressUncertain !== campaign.data.counts.uncertain)
      void campaign.refetch();
  }, [progressState, progressUncertain, campaign.data, campaign.refetch]);

  const activeByList = useMemo(
    () => new Map((lists.data?.items ?? []).map((list) => [list.id, list.counts.active])),
    [lists.data],
  );

  if (campaign.isPending) return <PageSkeleton />;
  if (campaign.isError) {
    return (
      <>
        <PageHeader
          title={t('campaigns.title')}
          breadcrumbs={[{ label: t('detail.back'), to: '/campaigns' }]}
        />
        {isApiError(campaign.error) && campaign.error.status === 404 ? (
          <EmptyState title={t('detail.notFound')} />
        ) : (
          <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />
        )}
      </>
    );
  }
  const data = campaign.data;
  const can = data.abilities;
  const audience = audienceOf(data, activeByList);
  const run = async (next: CampaignAction) => {
    try {
      await action.mutateAsync(next);
      void progress.refetch();
    } catch (error) {
      notifyError(tc, error);
      throw error;
    }
  };

  const summary: { label: string; value: ReactNode }[] = [
    { label: t('detail.subject'), value: data.subject },
    {
      label: t('detail.lists'),
      value:
        data.lists.length > 0 ? (
          <Group gap={6}>
            {data.lists.map((list) =>
              list.name ? (
                <Badge
                  key={list.id}
                  variant="light"
                  color="gray"
                  component={Link}
                  to={`/campaigns/lists/${list.id}`}
                  style={{ cursor: 'pointer' }}
                >
                  {list.name}
                </Badge>
              ) : (
                <Badge key={list.id} variant="outline" color="gray">
                  {t('campaigns.archivedList')}
                </Badge>
              ),
            )}
          </Group>
        ) : (
          <Text size="sm" c="red.8">
            {t('campaigns.noList')}
          </Text>
        ),
    },
    {
      label: t('detail.audience'),
      value:
        data.recipientCount > 0
          ? t('detail.frozen', { count: data.recipientCount })
          : t('form.audience', { count: audience.count }),
    },
  ];
  if (data.scheduledAt && data.state === 'scheduled')
    summary.push({ label: t('detail.scheduled'), value: formatDateTime(data.scheduledAt, locale) });
  if (data.startedAt)
    summary.push({ label: t('detail.started'), value: formatDateTime(data.startedAt, locale) });
  if (data.finishedAt)
    summary.push({ label: t('detail.finished'), value: formatDateTime(data.finishedAt, locale) });

  const showProgress = data.state !== 'draft';
  const liveActions = (can.pause || can.resume || can.cancel || can.retryRemaining) && (
    <Stack gap="xs">
      <Group gap="sm">
        {can.pause && (
          <Button
            variant="default"
            leftSection={<IconPlayerPause size={16} aria-hidden />}
            loading={action.isPending}
            onClick={() => void run({ name: 'pause' }).catch(() => undefined)}
          >
            {t('progress.pause')}
          </Button>
        )}
        {can.resume && (
          <Button
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            loading={action.isPending}
            onClick={() => void run({ name: 'resume' }).catch(() => undefined)}
          >
            {t('progress.resume')}
          </Button>
        )}
        {can.retryRemaining && (
          <ConfirmButton
            color="relais"
            variant="light"
            leftSection={<IconRefresh size={16} aria-hidden />}
            title={t('progress.retryTitle')}
            message={t('progress.retryMessage', { count: data.counts.failed })}
            confirmLabel={t('progress.retry')}
            onConfirm={() => run({ name: 'retry-remaining' })}
          >
            {t('progress.retry')}
          </ConfirmButton>
        )}
        {can.cancel && (
          <ConfirmButton
            variant="subtle"
            leftSection={<IconX size={16} aria-hidden />}
            title={t('progress.cancelTitle')}
            message={t('progress.cancelMessage')}
            confirmLabel={t('progress.cancelConfirm')}
            onConfirm={() => run({ name: 'cancel' })}
          >
            {t('progress.cancel')}
          </ConfirmButton>
        )}
      </Group>
      {can.retryRemaining && (
        <Text size="xs" c="dimmed">
          {t('progress.retryHint')}
        </Text>
      )}
    </Stack>
  );

  return (
    <>
      <PageHeader
        title={data.name || data.subject}
        breadcrumbs={[{ label: t('detail.back'), to: '/campaigns' }]}
        eyebrow={
          <Group gap="xs">
            <CampaignStateBadge state={data.state} data-testid="campaign-state" />
            <KindBadge kind={data.kind} />
          </Group>
        }
        actions={
          <>
            {can.update && (
              <Button
                component={Link}
                to={`/campaigns/${id}/edit`}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('detail.edit')}
              </Button>
            )}
            {can.testSend && (
              <Button
                variant="light"
                leftSection={<IconTestPipe size={16} aria-hidden />}
                onClick={testing.open}
              >
                {t('test.button')}
              </Button>
            )}
            {can.schedule && (
              <Button
                variant="light"
                leftSection={<IconCalendarTime size={16} aria-hidden />}
                onClick={scheduling.open}
              >
                {data.state === 'scheduled' ? t('schedule.change') : t('schedule.button')}
              </Button>
            )}
            {can.sendNow && (
              <Button leftSection={<IconSend size={16} aria-hidden />} onClick={sending.open}>
                {t('sendNow.button')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        {data.state === 'draft' && data.lists.length === 0 && (
          <Alert variant="light" color="yellow">
            {t('sendNow.needsLists')}
          </Alert>
        )}
        <Card withBorder padding="lg">
          <Box
            component="dl"
            m={0}
            style={{ display: 'grid', gridTemplateColumns: 'minmax(80px, max-content) 1fr', gap: '6px 24px' }}
          >
            {summary.map(({ label, value }) => (
              <Fragment key={label}>
                <Text component="dt" size="sm" c="dimmed">
                  {label}
                </Text>
                <Text component="dd" m={0} size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                  {value}
                </Text>
              </Fragment>
            ))}
          </Box>
        </Card>

        {showProgress && progress.data && <ProgressPanel progress={progress.data} actions={liveActions} />}
        <UncertainPanel campaign={data} />
        {(data.state === 'sent' || data.state === 'cancelled') && <StatsPanel campaign={data} />}
        <MailPreview
          kind={data.kind}
          subject={data.subject}
          bodyHtml={data.bodyHtml}
          campaignId={data.id}
          version={data.updatedAt}
        />

        {can.delete && (
          <Group>
            <ConfirmButton
              variant="subtle"
              leftSection={<IconTrash size={16} aria-hidden />}
              title={t('detail.deleteTitle')}
              message={t('detail.deleteMessage', { name: data.name || data.subject })}
              confirmLabel={t('detail.delete')}
              onConfirm={async () => {
                try {
                  await remove.mutateAsync(id);
                  notifications.show({ color: 'teal', message: t('detail.deleted') });
                  navigate('/campaigns');
                } catch (error) {
                  notifyError(tc, error);
                  throw error;
                }
              }}
            >
              {t('detail.delete')}
            </ConfirmButton>
          </Group>
        )}
      </Stack>

      {isTesting && (
        <TestSendModal campaign={data} opened onClose={testing.close} defaultEmail={me?.email ?? ''} />
      )}
      {isScheduling && (
        <ScheduleModal campaign={data} opened onClose={scheduling.close} audience={audience} />
      )}
      {isSending && <SendNowModal campaign={data} opened onClose={sending.close} audience={audience} />}
    </>
  );
}
