import {
  Anchor,
  Badge,
  Blockquote,
  Button,
  Card,
  Group,
  Pagination,
  Select,
  Stack,
  Tabs,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconBulb, IconHeartHandshake, IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TipState } from '../../../shared/stories.ts';
import { useMe } from '../../app/auth.ts';
import { notifyError } from '../../app/errors.ts';
import { formatDateTime, formatRelative } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { CardsSkeleton, EmptyState, ErrorState } from '../../shared/States.tsx';
import { useLabs } from '../labs/api.ts';
import { useStoriesT } from '../stories/i18n.ts';
import classes from '../stories/stories.module.css';
import { MessageModal } from '../stories/story/MessageModal.tsx';
import type { Tip } from '../stories/types.ts';
import { useConvertTip, useDismissTip, useTips } from './api.ts';

const pageSize = 20;
const states: TipState[] = ['open', 'converted', 'dismissed'];

function TipCard({ tip, onDismiss }: { tip: Tip; onDismiss: (tip: Tip) => void }) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const convert = useConvertTip();
  const name = tip.author.name;

  const toStory = async () => {
    try {
      const result = await convert.mutateAsync({ id: tip.id });
      notifications.show({ color: 'teal', message: t('tips.converted_toast') });
      navigate(`/stories/${result.storyId}/edit`);
    } catch (error) {
      notifyError(tc, error);
    }
  };

  return (
    <Card component="li" padding="md">
      <Group align="flex-start" gap="md" wrap="nowrap">
        {tip.photoUrl ? (
          <a href={tip.photoUrl} target="_blank" rel="noopener">
            <img
              src={tip.photoUrl}
              alt={t('tips.photoOf', { name })}
              className={classes.tipThumb}
              loading="lazy"
            />
          </a>
        ) : (
          <Stack align="center" justify="center" className={classes.tipThumb} visibleFrom="xs">
            <IconPhoto size={28} color="var(--mantine-color-gray-5)" aria-hidden />
          </Stack>
        )}
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Badge color="relais" variant="light">
              {tip.lab.acronym}
            </Badge>
            {tip.state !== 'open' && (
              <Badge color={tip.state === 'converted' ? 'teal' : 'gray'}>
                {t(`tips.states.${tip.state}`)}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {t('tips.from', { name })} ·{' '}
              <time dateTime={tip.createdAt} title={formatDateTime(tip.createdAt, locale)}>
                {formatRelative(tip.createdAt, locale)}
              </time>
            </Text>
          </Group>
          <Text fw={500} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {tip.what}
          </Text>
          {(tip.when || tip.who) && (
            <Stack gap={2}>
              {tip.when && (
                <Text size="sm">
                  <Text span fw={600} size="sm">
                    {t('tips.when')}
                    {'\u00a0'}:
                  </Text>{' '}
                  {tip.when}
                </Text>
              )}
              {tip.who && (
                <Text size="sm">
                  <Text span fw={600} size="sm">
                    {t('tips.who')}
                    {'\u00a0'}:
                  </Text>{' '}
                  {tip.who}
                </Text>
              )}
            </Stack>
          )}
          {tip.state === 'dismissed' && tip.response && (
            <Blockquote p="xs" color="gray" fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {tip.response}
            </Blockquote>
          )}
          {(tip.abilities.convert || tip.abilities.dismiss || tip.storyId) && (
            <Group gap="xs" mt={4} wrap="wrap">
              {tip.abilities.convert && (
                <Button
                  size="sm"
                  leftSection={<IconBulb size={16} aria-hidden />}
                  onClick={() => void toStory()}
                  loading={convert.isPending}
                  aria-label={t('tips.convertLabel', { name })}
                >
                  {t('tips.convert')}
                </Button>
              )}
              {tip.abilities.dismiss && (
                <Button
                  size="sm"
                  variant="default"
                  leftSection={<IconHeartHandshake size={16} aria-hidden />}
                  onClick={() => onDismiss(tip)}
                  aria-label={t('tips.dismissLabel', { name })}
                >
                  {t('tips.dismiss')}
                </Button>
              )}
              {tip.storyId && (
                <Anchor component={Link} to={`/stories/${tip.storyId}`} size="sm">
                  {t('tips.seeStory')} <IconArrowRight size={14} aria-hidden style={{ verticalAlign: -2 }} />
                </Anchor>
              )}
            </Group>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

function StateCount({ state, lab }: { state: TipState; lab: string }) {
  const count = useTips({ state, lab: lab || undefined, limit: 1 });
  return count.data ? ` (${count.data.total})` : null;
}

/** Tips from the labs' members, for their correspondents (and the cell): convert, or thank and file. */
export default function TipsInboxPage() {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const state = (states.find((value) => value === params.get('state')) ?? 'open') as TipState;
  const lab = params.get('lab') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const tips = useTips({ state, lab: lab || undefined, limit: pageSize, offset: (page - 1) * pageSize });
  const dismiss = useDismissTip();
  const [dismissing, setDismissing] = useState<Tip | null>(null);
  const isCell = me?.roles.some((grant) => grant.role === 'cell') ?? false;
  const myLabs = (me?.roles ?? []).flatMap((grant) =>
    grant.role === 'correspondent' && grant.lab ? [grant.lab] : [],
  );
  const labs = useLabs({}, { enabled: isCell });
  const labOptions = isCell
    ? [...(labs.data?.items ?? [])].sort((a, b) => a.acronym.localeCompare(b.acronym))
    : myLabs;

  const set = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );

  const total = tips.data?.total ?? 0;
  const pages = Math.ceil(total / pageSize);
  const firstName = dismissing?.author.name.split(/\s+/)[0] ?? '';

  return (
    <>
      <PageHeader title={t('tips.title')} description={t('tips.description')} />
      <Group justify="space-between" gap="sm" mb="md" wrap="wrap" align="flex-end">
        <Tabs
          value={state}
          onChange={(value) => set('state', value === 'open' || !value ? null : value)}
          style={{ flex: '1 1 auto', minWidth: 0 }}
        >
          <Tabs.List aria-label={t('tips.title')} style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
            {states.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(`tips.${value}`)}
                <StateCount state={value} lab={lab} />
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        {labOptions.length > 1 && (
          <Select
            label={t('tips.lab')}
            placeholder={t('tips.allLabs')}
            data={labOptions.map((item) => ({ value: item.id, label: item.acronym }))}
            value={lab || null}
            onChange={(value) => set('lab', value)}
            clearable
            clearButtonProps={{ 'aria-label': t('clear') }}
            searchable
            w={{ base: '100%', xs: 240 }}
          />
        )}
      </Group>

      {tips.isError ? (
        <ErrorState error={tips.error} onRetry={() => void tips.refetch()} />
      ) : tips.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label={tc('common.loading')}>
          <CardsSkeleton count={3} />
        </Stack>
      ) : tips.data.items.length === 0 ? (
        state === 'open' ? (
          <EmptyState
            icon={<IconBulb size={28} stroke={1.6} aria-hidden />}
            title={t('tips.empty')}
            description={t('tips.emptyHint')}
          />
        ) : (
          <EmptyState title={t('tips.emptyOther')} />
        )
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {tips.data.items.map((tip) => (
            <TipCard key={tip.id} tip={tip} onDismiss={setDismissing} />
          ))}
        </Stack>
      )}

      {pages > 1 && (
        <Group justify="center" mt="lg">
          <Pagination
            total={pages}
            value={page}
            onChange={(value) => set('page', String(value))}
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

      <MessageModal
        opened={dismissing !== null}
        onClose={() => setDismissing(null)}
        title={t('tips.dismissTitle')}
        text={t('tips.dismissText', { name: dismissing?.author.name ?? '' })}
        label={t('tips.dismissMessage')}
        confirmLabel={t('tips.confirmDismiss')}
        isRequired
        maxLength={1000}
        initialMessage={t('tips.dismissDefault', { firstName, me: me?.name ?? '' })}
        onConfirm={async (message) => {
          if (!dismissing) return;
          try {
            await dismiss.mutateAsync({ id: dismissing.id, message });
            notifications.show({ color: 'teal', message: t('tips.dismissed_toast') });
          } catch (error) {
            notifyError(tc, error);
            throw error;
          }
        }}
      />
    </>
  );
}
