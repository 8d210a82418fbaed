import { Badge, Button, Group, Pagination, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconEar, IconPlus, IconSearch, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { CardsSkeleton, EmptyState, ErrorState } from '../../shared/States.tsx';
import { useRequests } from './api.ts';
import { useRequestsT } from './i18n.ts';
import { RequestCard } from './RequestCard.tsx';
import { RecordSolicitationButton } from './SolicitationForm.tsx';
import { type RequestView, viewsFor } from './views.ts';

const pageSize = 20;

function ViewTab({ view, label }: { view: RequestView; label: string }) {
  const count = useRequests({ ...view.filters, limit: 1 });
  return (
    <Tabs.Tab value={view.id} style={{ flexShrink: 0 }}>
      <Group gap={6} wrap="nowrap" component="span">
        {label}
        {count.data && view.id !== 'archive' && (
          <>
            <Badge
              size="sm"
              variant={view.id === 'to_route' && count.data.total > 0 ? 'filled' : 'light'}
              color={view.id === 'to_route' && count.data.total > 0 ? 'orange.8' : 'gray'}
              aria-hidden
            >
              {count.data.total}
            </Badge>
            <span className="sr-only"> ({count.data.total})</span>
          </>
        )}
      </Group>
    </Tabs.Tab>
  );
}

/** The requests: the cell's queue, mine, my lab's, those open, the archive — search and pages in the URL. */
export default function RequestsPage() {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const views = viewsFor(me);
  const view = views.find((item) => item.id === params.get('view')) ?? views[0]!;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const requests = useRequests({
    ...view.filters,
    q: q || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const abilities = (me?.abilities ?? {}) as Record<string, boolean | undefined>;

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  const updateSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 300);
  const total = requests.data?.total ?? 0;
  const pages = Math.ceil(total / pageSize);
  const isArchive = view.id === 'archive';

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            {abilities.readSolicitations && (
              <Button
                component={Link}
                to="/solicitations"
                variant="default"
                leftSection={<IconEar size={18} aria-hidden />}
              >
                {t('list.solicitations')}
              </Button>
            )}
            {abilities.recordSolicitations && <RecordSolicitationButton variant="light" />}
            {abilities.askLabs && (
              <Button component={Link} to="/requests/new" leftSection={<IconPlus size={18} aria-hidden />}>
                {t('list.new')}
              </Button>
            )}
          </>
        }
      />
      <Tabs
        value={view.id}
        onChange={(value) => {
          setSearch('');
          setParams(new URLSearchParams(value ? { view: value } : {}), { replace: true });
        }}
        mb="md"
        keepMounted={false}
      >
        <Tabs.List aria-label={t('list.views')} style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {views.map((item) => (
            <ViewTab key={item.id} view={item} label={t(`list.view.${item.id}`)} />
          ))}
        </Tabs.List>
      </Tabs>

      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <TextInput
          label={t('list.search')}
          placeholder={isArchive ? t('list.archiveSearchPlaceholder') : t('list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            updateSearch(event.currentTarget.value);
          }}
          type="search"
          maxLength={200}
          style={{ flex: '1 1 260px' }}
          maw={560}
        />
        <Text size="sm" c="dimmed" aria-live="polite" pb={8}>
          {requests.data ? t('list.count', { count: total }) : tc('common.loading')}
        </Text>
      </Group>

      {requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label={tc('common.loading')}>
          <CardsSkeleton count={4} />
        </Stack>
      ) : requests.data.items.length === 0 ? (
        q ? (
          <EmptyState
            icon={<IconSearch size={28} aria-hidden />}
            title={t('list.empty.filtered')}
            description={t('list.empty.filteredHint')}
            action={
              <Button
                variant="default"
                onClick={() => {
                  setSearch('');
                  update({ q: null });
                }}
              >
                {tc('common.clearFilters')}
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={<IconSpeakerphone size={28} aria-hidden />}
            title={t(`list.empty.${view.id}`)}
            description={t(`list.empty.${view.id}Hint`)}
            action={
              view.id === 'mine' && abilities.askLabs ? (
                <Button component={Link} to="/requests/new" leftSection={<IconPlus size={18} aria-hidden />}>
                  {t('list.new')}
                </Button>
              ) : view.id === 'for_my_lab' && abilities.recordSolicitations ? (
                <RecordSolicitationButton variant="default" />
              ) : undefined
            }
          />
        )
      ) : (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none', opacity: requests.isPlaceholderData ? 0.6 : 1 }}
        >
          {requests.data.items.map((request) => (
            <li key={request.id}>
              <RequestCard request={request} />
            </li>
          ))}
        </Stack>
      )}

      {pages > 1 && (
        <Group justify="center" mt="lg" component="nav" aria-label={t('list.pagination')}>
          <Pagination
            total={pages}
            value={page}
            onChange={(value) => {
              update({ page: String(value) });
              window.scrollTo({ top: 0 });
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
