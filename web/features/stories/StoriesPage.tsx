import {
  Badge,
  Box,
  Button,
  Chip,
  Collapse,
  Group,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type StoryKind, type StoryState, storyKinds, storyStates } from '../../../shared/stories.ts';
import { useMe } from '../../app/auth.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { CardsSkeleton, EmptyState, ErrorState } from '../../shared/States.tsx';
import { useDelegations, useLabs } from '../labs/api.ts';
import { type StoryFilters, type StorySort, useStories } from './api.ts';
import { useStoriesT } from './i18n.ts';
import { StoryCard } from './StoryCard.tsx';
import classes from './stories.module.css';
import { tagOptions, themeSuggestions } from './tags.ts';
import { type StoryView, type ViewId, viewsFor } from './views.ts';

const pageSize = 20;

function ViewTab({ view, label }: { view: StoryView; label: string }) {
  const count = useStories({ ...view.filters, limit: 1 });
  return (
    <Tabs.Tab value={view.id} style={{ flexShrink: 0 }}>
      <Group gap={6} wrap="nowrap" component="span">
        {label}
        {count.data && (
          <>
            <Badge size="sm" variant="light" color="gray" aria-hidden>
              {count.data.total}
              {count.data.isTotalCapped ? '+' : ''}
            </Badge>
            <span className="sr-only">
              {' '}
              ({count.data.total}
              {count.data.isTotalCapped ? '+' : ''})
            </span>
          </>
        )}
      </Group>
    </Tabs.Tab>
  );
}

/**
 * The stories lists: saved views by role (review queue, my stories, my delegation…), filters,
 * full-text search with highlighted excerpts, pagination; everything lives in the URL.
 */
export default function StoriesPage({ defaultView }: { defaultView?: ViewId }) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const views = viewsFor(me);
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [areFiltersOpen, { toggle: toggleFilters }] = useDisclosure(false);

  const requested = (params.get('mine') === 'true' ? 'mine' : params.get('view')) ?? defaultView;
  const view = views.find((item) => item.id === requested) ?? views[0]!;
  const q = params.get('q') ?? '';
  const states = params.getAll('state').filter((s): s is StoryState => storyStates.includes(s as StoryState));
  const kind = (params.get('kind') ?? '') as StoryKind | '';
  const lab = params.get('lab') ?? '';
  const delegation = params.get('delegation') ?? '';
  const theme = params.get('theme') ?? '';
  const sort =
    (params.get('sort') as StorySort | null) ?? (q ? 'relevance' : (view.filters.sort ?? 'recent'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);

  const filters: StoryFilters = {
    ...view.filters,
    q: q || undefined,
    state: states.length > 0 ? states : view.filters.state,
    kind,
    lab: lab || view.filters.lab,
    delegation: delegation || view.filters.delegation,
    theme,
    sort,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const stories = useStories(filters);
  const labs = useLabs();
  const delegations = useDelegations();

  const update = (changes: Record<string, string | string[] | null>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          next.delete(key);
          if (Array.isArray(value)) for (const item of value) next.append(key, item);
          else if (value) next.set(key, value);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };
  const updateSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 300);
  const hasFilters = Boolean(q || states.length || kind || lab || delegation || theme);
  const clearFilters = () => {
    setSearch('');
    update({ q: null, state: null, kind: null, lab: null, delegation: null, theme: null, sort: null });
  };

  const isReview = view.id === 'review';
  const total = stories.data?.total ?? 0;
  const pages = Math.ceil(total / pageSize);
  const usedThemes = (stories.data?.items ?? []).flatMap((story) => story.themes);
  const canWrite = me?.roles.some((grant) => grant.role === 'correspondent' || grant.role === 'cell');

  const filterFields = (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={t('list.lab')}
          placeholder={t('list.any')}
          data={[...(labs.data?.items ?? [])]
            .sort((a, b) => a.acronym.localeCompare(b.acronym))
            .map((item) => ({ value: item.id, label: item.acronym }))}
          value={lab || null}
          onChange={(value) => update({ lab: value })}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('clear') }}
          nothingFoundMessage={tc('common.nothingFound')}
        />
        <Select
          label={t('list.delegation')}
          placeholder={t('list.any')}
          data={(delegations.data?.items ?? []).map((item) => ({
            value: item.id,
            label: `${item.code} · ${item.name}`,
          }))}
          value={delegation || null}
          onChange={(value) => update({ delegation: value })}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('clear') }}
          nothingFoundMessage={tc('common.nothingFound')}
        />
        <Select
          label={t('list.kind')}
          placeholder={t('list.any')}
          data={storyKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          value={kind || null}
          onChange={(value) => update({ kind: value })}
          clearable
          clearButtonProps={{ 'aria-label': t('clear') }}
        />
        <Select
          label={t('list.theme')}
          placeholder={t('list.any')}
          data={tagOptions(themeSuggestions, theme ? [...usedThemes, theme] : usedThemes)}
          value={theme || null}
          onChange={(value) => update({ theme: value })}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('clear') }}
          nothingFoundMessage={tc('common.nothingFound')}
        />
      </SimpleGrid>
      <Box component="fieldset" m={0} p={0} style={{ border: 0 }}>
        <Text component="legend" size="sm" fw={500} mb={6}>
          {t('list.stateFilter')}
        </Text>
        <Chip.Group multiple value={states} onChange={(value) => update({ state: value })}>
          <Group gap={6}>
            {storyStates.map((state) => (
              <Chip key={state} value={state} size="sm" variant="outline">
                {t(`states.${state}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Box>
    </Stack>
  );

  return (
    <>
      <PageHeader
        title={isReview ? t('list.reviewTitle') : t('list.title')}
        description={isReview ? t('list.reviewDescription') : t('list.description')}
        actions={
          canWrite && (
            <Button component={Link} to="/stories/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('nav.newStory')}
            </Button>
          )
        }
      />
      <Tabs
        value={view.id}
        onChange={(value) => {
          setSearch(q);
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              next.delete('mine');
              next.delete('page');
              next.set('view', value ?? 'all');
              return next;
            },
            { replace: true },
          );
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

      <Stack gap="md" p={{ base: 'sm', sm: 'md' }} mb="lg" className={classes.filters}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('list.search')}
            placeholder={t('list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              updateSearch(event.currentTarget.value);
            }}
            type="search"
            maxLength={200}
            style={{ flex: '1 1 260px' }}
          />
          <Select
            label={t('list.sort')}
            data={[
              { value: 'recent', label: t('list.sortRecent') },
              { value: 'waiting', label: t('list.sortWaiting') },
              ...(q ? [{ value: 'relevance', label: t('list.sortRelevance') }] : []),
            ]}
            value={sort}
            onChange={(value) => update({ sort: value })}
            allowDeselect={false}
            w={{ base: '100%', xs: 220 }}
          />
          {isPhone && (
            <Button
              variant="default"
              onClick={toggleFilters}
              leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
              aria-expanded={areFiltersOpen}
              aria-controls="story-filters"
              fullWidth
            >
              {t('list.filters')}
              {hasFilters ? ' •' : ''}
            </Button>
          )}
        </Group>
        {isPhone ? (
          <Collapse expanded={areFiltersOpen} id="story-filters">
            {filterFields}
          </Collapse>
        ) : (
          filterFields
        )}
      </Stack>

      <Group justify="space-between" mb="sm" gap="xs">
        <Text size="sm" c="dimmed" aria-live="polite">
          {stories.data
            ? `${t('list.count', { count: total })}${stories.data.isTotalCapped ? ' +' : ''}`
            : tc('common.loading')}
        </Text>
        {hasFilters && (
          <Button variant="subtle" size="compact-sm" onClick={clearFilters}>
            {tc('common.clearFilters')}
          </Button>
        )}
      </Group>

      {stories.isError ? (
        <ErrorState error={stories.error} onRetry={() => void stories.refetch()} />
      ) : stories.isPending ? (
        <Stack gap="sm" aria-busy="true" aria-label={tc('common.loading')}>
          <CardsSkeleton count={4} />
        </Stack>
      ) : stories.data.items.length === 0 ? (
        hasFilters ? (
          <EmptyState
            title={t('list.empty.filtered')}
            description={t('list.empty.filteredHint')}
            action={
              <Button variant="default" onClick={clearFilters}>
                {tc('common.clearFilters')}
              </Button>
            }
          />
        ) : (
          <EmptyState
            title={t(`list.empty.${view.id === 'accepted' || view.id === 'all' ? 'filtered' : view.id}`)}
            description={t(
              `list.empty.${view.id === 'accepted' || view.id === 'all' ? 'filtered' : view.id}Hint`,
            )}
            action={
              view.id === 'mine' && (
                <Button component={Link} to="/stories/new" leftSection={<IconPlus size={18} aria-hidden />}>
                  {t('nav.newStory')}
                </Button>
              )
            }
          />
        )
      ) : (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none', opacity: stories.isPlaceholderData ? 0.6 : 1 }}
        >
          {stories.data.items.map((story) => (
            <li key={story.id}>
              <StoryCard story={story} />
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
