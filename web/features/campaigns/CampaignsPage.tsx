import { Button, Card, Group, Pagination, Progress, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMailForward, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type CampaignState, campaignStates } from '../../../shared/campaigns.ts';
import { formatDateTime } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { CardsSkeleton, EmptyState, ErrorState } from '../../shared/States.tsx';
import { useCampaigns } from './api.ts';
import { CampaignStateBadge, KindBadge } from './badges.tsx';
import classes from './campaigns.module.css';
import { useCampaignsT } from './i18n.ts';
import { SendingNav } from './SendingNav.tsx';
import type { Campaign } from './types.ts';

const pageSize = 20;

function CampaignCard({ campaign }: { campaign: Campaign }) {
  const t = useCampaignsT();
  const locale = currentLocale();
  const done = campaign.counts.sent + campaign.counts.failed + campaign.counts.suppressed;
  const isLive = campaign.state === 'sending' || campaign.state === 'paused';
  const when =
    campaign.state === 'sent' && campaign.finishedAt
      ? t('campaigns.sentOn', { date: formatDateTime(campaign.finishedAt, locale) })
      : campaign.state === 'scheduled' && campaign.scheduledAt
        ? t('campaigns.scheduledFor', { date: formatDateTime(campaign.scheduledAt, locale) })
        : t('campaigns.createdOn', { date: formatDateTime(campaign.createdAt, locale) });
  return (
    <Card withBorder padding="md" className={classes.clickCard} component="li">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <CampaignStateBadge state={campaign.state} />
          <KindBadge kind={campaign.kind} />
        </Group>
        <Title order={2} fz="lg" style={{ overflowWrap: 'anywhere' }}>
          <Link to={`/campaigns/${campaign.id}`} className={classes.cardLink}>
            {campaign.name || campaign.subject}
          </Link>
        </Title>
        {campaign.name && campaign.name !== campaign.subject && (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {campaign.subject}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {campaign.lists.length > 0
            ? campaign.lists.map((list) => list.name || t('campaigns.archivedList')).join(' · ')
            : t('campaigns.noList')}
          {campaign.recipientCount > 0 &&
            ` — ${t('campaigns.recipients', { count: campaign.recipientCount })}`}
        </Text>
        {isLive && campaign.recipientCount > 0 && (
          <Progress
            value={(done / campaign.recipientCount) * 100}
            color={campaign.state === 'paused' ? 'orange' : 'teal'}
            size="sm"
            aria-label={t('progress.bar')}
          />
        )}
        <Text size="xs" c="dimmed">
          {when}
        </Text>
      </Stack>
    </Card>
  );
}

type Tab = 'all' | CampaignState;

/** The campaigns by state, newest first. */
export default function CampaignsPage() {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const tab = (campaignStates as readonly string[]).includes(params.get('state') ?? '')
    ? (params.get('state') as CampaignState)
    : 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const campaigns = useCampaigns(
    { state: tab === 'all' ? undefined : tab, limit: pageSize, offset: (page - 1) * pageSize },
    { refetch: 10_000 },
  );
  const total = campaigns.data?.total ?? 0;
  const pages = Math.ceil(total / pageSize);
  const newButton = (
    <Button component={Link} to="/campaigns/new" leftSection={<IconPlus size={18} aria-hidden />}>
      {t('campaigns.new')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('campaigns.title')} description={t('campaigns.description')} actions={newButton} />
      <SendingNav />
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(new URLSearchParams(value && value !== 'all' ? { state: value } : {}), { replace: true })
        }
        mb="md"
        variant="pills"
        radius="xl"
      >
        <Tabs.List aria-label={t('campaigns.views')} style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {(['all', ...campaignStates] as Tab[]).map((value) => (
            <Tabs.Tab key={value} value={value} style={{ flexShrink: 0 }}>
              {value === 'all' ? t('campaigns.all') : t(`states.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Text size="sm" c="dimmed" aria-live="polite" mb="sm">
        {campaigns.data ? t('campaigns.count', { count: total }) : tc('common.loading')}
      </Text>

      {campaigns.isError ? (
        <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : campaigns.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label={tc('common.loading')}>
          <CardsSkeleton count={3} />
        </Stack>
      ) : campaigns.data.items.length === 0 ? (
        <EmptyState
          icon={<IconMailForward size={28} aria-hidden />}
          title={t(`campaigns.empty.${tab}`)}
          description={t(`campaigns.empty.${tab}Hint`)}
          action={tab === 'all' || tab === 'draft' ? newButton : undefined}
        />
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {campaigns.data.items.map((campaign) => (
            <CampaignCard key={campaign.id} campaign={campaign} />
          ))}
        </Stack>
      )}

      {pages > 1 && (
        <Group justify="center" mt="lg" component="nav" aria-label={t('common.pagination')}>
          <Pagination
            total={pages}
            value={page}
            onChange={(value) => {
              const next = new URLSearchParams(params);
              next.set('page', String(value));
              setParams(next, { replace: true });
            }}
            siblings={isPhone ? 0 : 1}
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
    </>
  );
}
