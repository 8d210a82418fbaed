import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArchive,
  IconDots,
  IconDownload,
  IconFileImport,
  IconPencil,
  IconSearch,
  IconUserMinus,
  IconUserPlus,
  IconUsersGroup,
  IconWorld,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type MemberState, memberStates } from '../../../shared/campaigns.ts';
import { isApiError } from '../../app/api.ts';
import { notifyError } from '../../app/errors.ts';
import { formatDate } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { ConfirmModal } from '../../shared/ConfirmButton.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { EmptyState, ErrorState, PageSkeleton, TableSkeleton } from '../../shared/States.tsx';
import { useCampaignsT } from '../campaigns/i18n.ts';
import { SendingNav } from '../campaigns/SendingNav.tsx';
import type { Subscriber } from '../campaigns/types.ts';
import { AddSubscriberModal } from './AddSubscriberModal.tsx';
import {
  exportUrl,
  useAddSubscriber,
  useDeleteList,
  useList,
  useRemoveSubscriber,
  useSubscribers,
} from './api.ts';
import { ListFormModal } from './ListFormModal.tsx';

const pageSize = 25;
const stateColors: Record<MemberState, string> = { active: 'teal', pending: 'yellow', unsubscribed: 'gray' };

function StateBadge({ state }: { state: MemberState }) {
  const t = useCampaignsT();
  return (
    <Badge variant="light" color={stateColors[state]} size="sm">
      {t(`memberStates.${state}`)}
    </Badge>
  );
}

const fullName = (s: Subscriber) => [s.firstName, s.lastName].filter(Boolean).join(' ');

/** One list: who is on it (search, state, pages), add, remove with undo, import, export, edit, archive. */
export default function ListPage() {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const list = useList(id);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [state, setState] = useState<MemberState | ''>('');
  const [page, setPage] = useState(1);
  const subscribers = useSubscribers(id, {
    q: q || undefined,
    state: state || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const remove = useRemoveSubscriber(id);
  const readd = useAddSubscriber(id);
  const deleteList = useDeleteList();
  const [isAdding, adding] = useDisclosure(false);
  const [isEditing, editing] = useDisclosure(false);
  const [isArchiving, archiving] = useDisclosure(false);

  if (list.isPending) return <PageSkeleton />;
  if (list.isError) {
    return (
      <>
        <PageHeader
          title={t('lists.title')}
          breadcrumbs={[{ label: t('list.backToLists'), to: '/campaigns/lists' }]}
        />
        {isApiError(list.error) && list.error.status === 404 ? (
          <EmptyState title={t('list.notFound')} />
        ) : (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        )}
      </>
    );
  }
  const data = list.data;
  const total = subscribers.data?.total ?? 0;
  const pages = Math.ceil(total / pageSize);

  /** Removing is undone by adding the person back with the same details (active, as before). */
  const removeOne = async (subscriber: Subscriber) => {
    try {
      await remove.mutateAsync(subscriber.contactId);
    } catch (error) {
      notifyError(tc, error);
      return;
    }
    const canUndo = subscriber.state === 'active';
    const notificationId = `removed-${subscriber.contactId}`;
    notifications.show({
      id: notificationId,
      color: 'gray',
      autoClose: 8000,
      message: (
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('list.removed', { email: subscriber.email })}
          </Text>
          {canUndo && (
            <Button
              size="compact-sm"
              variant="light"
              onClick={async () => {
                notifications.hide(notificationId);
                try {
                  await readd.mutateAsync({
                    email: subscriber.email,
                    firstName: subscriber.firstName || undefined,
                    lastName: subscriber.lastName || undefined,
                    organisation: subscriber.organisation || undefined,
                  });
                  notifications.show({
                    color: 'teal',
                    message: t('list.restored', { email: subscriber.email }),
                  });
                } catch (error) {
                  notifyError(tc, error);
                }
              }}
            >
              {t('common.undo')}
            </Button>
          )}
        </Group>
      ),
    });
  };

  const removeButton = (subscriber: Subscriber) =>
    subscriber.abilities.remove && (
      <Tooltip label={t('list.remove')}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('list.removeLabel', { email: subscriber.email })}
          onClick={() => void removeOne(subscriber)}
        >
          <IconUserMinus size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    );

  const filtered = Boolean(q || state);
  const items = subscribers.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={data.name}
        breadcrumbs={[{ label: t('list.backToLists'), to: '/campaigns/lists' }]}
        eyebrow={
          <Group gap="xs">
            <Badge variant="light" color="relais">
              {t('lists.active', { count: data.counts.active })}
            </Badge>
            {data.isPublic && (
              <Badge variant="light" color="teal" leftSection={<IconWorld size={12} aria-hidden />}>
                {t('lists.public')}
              </Badge>
            )}
          </Group>
        }
        description={data.description || undefined}
        actions={
          <>
            {data.abilities.import && (
              <Button
                component={Link}
                to={`/campaigns/lists/${id}/import`}
                variant="light"
                leftSection={<IconFileImport size={18} aria-hidden />}
              >
                {t('list.import')}
              </Button>
            )}
            {data.abilities.manageSubscribers && (
              <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={adding.open}>
                {t('list.add')}
              </Button>
            )}
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label={tc('common.actions')}>
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {data.abilities.export && (
                  <Menu.Item
                    component="a"
                    href={exportUrl(id)}
                    download
                    leftSection={<IconDownload size={16} aria-hidden />}
                  >
                    {t('list.export')}
                    <Text size="xs" c="dimmed">
                      {t('list.exportHint')}
                    </Text>
                  </Menu.Item>
                )}
                {data.abilities.update && (
                  <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={editing.open}>
                    {t('list.edit')}
                  </Menu.Item>
                )}
                <Menu.Item
                  color="red"
                  leftSection={<IconArchive size={16} aria-hidden />}
                  onClick={archiving.open}
                  disabled={!data.abilities.delete}
                >
                  {t('list.archive')}
                  {!data.abilities.delete && (
                    <Text size="xs" c="dimmed" maw={260}>
                      {t('list.archiveBlocked')}
                    </Text>
                  )}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <SendingNav />

      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 240px' }}
          maw={480}
        />
        <Select
          label={t('list.stateFilter')}
          data={[
            { value: '', label: t('common.all') },
            ...memberStates.map((value) => ({ value, label: t(`memberStates.${value}`) })),
          ]}
          value={state}
          onChange={(value) => {
            setState((value ?? '') as MemberState | '');
            setPage(1);
          }}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
        />
        <Text size="sm" c="dimmed" aria-live="polite" pb={8}>
          {subscribers.data ? t('list.count', { count: total }) : tc('common.loading')}
        </Text>
      </Group>

      {subscribers.isError ? (
        <ErrorState error={subscribers.error} onRetry={() => void subscribers.refetch()} />
      ) : subscribers.isPending ? (
        <TableSkeleton rows={8} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<IconSearch size={28} aria-hidden />}
            title={t('list.emptyFiltered')}
            description={t('list.emptyFilteredHint')}
            action={
              <Button
                variant="default"
                onClick={() => {
                  setSearch('');
                  setState('');
                }}
              >
                {tc('common.clearFilters')}
              </Button>
            }
          />
        ) : (
          <EmptyState
            icon={<IconUsersGroup size={28} aria-hidden />}
            title={t('list.empty')}
            description={t('list.emptyHint')}
            action={
              data.abilities.import && (
                <Button
                  component={Link}
                  to={`/campaigns/lists/${id}/import`}
                  leftSection={<IconFileImport size={18} aria-hidden />}
                >
                  {t('list.import')}
                </Button>
              )
            }
          />
        )
      ) : isPhone ? (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          aria-label={t('list.table')}
          style={{ listStyle: 'none', opacity: subscribers.isPlaceholderData ? 0.6 : 1 }}
        >
          {items.map((subscriber) => (
            <Card key={subscriber.contactId} component="li" withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {fullName(subscriber) || subscriber.email}
                  </Text>
                  {fullName(subscriber) && (
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {subscriber.email}
                    </Text>
                  )}
                  {subscriber.organisation && <Text size="sm">{subscriber.organisation}</Text>}
                  <Group gap={6} mt={4}>
                    <StateBadge state={subscriber.state} />
                    <Text size="xs" c="dimmed">
                      {t(`sources.${subscriber.source}`)} · {formatDate(subscriber.addedAt, locale)}
                    </Text>
                  </Group>
                </Stack>
                {removeButton(subscriber)}
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Card p={0} style={{ overflow: 'hidden', opacity: subscribers.isPlaceholderData ? 0.6 : 1 }}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Caption className="sr-only">{t('list.table')}</Table.Caption>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th scope="col">{t('list.person')}</Table.Th>
                <Table.Th scope="col">{t('common.organisation')}</Table.Th>
                <Table.Th scope="col">{t('list.state')}</Table.Th>
                <Table.Th scope="col">{t('list.source')}</Table.Th>
                <Table.Th scope="col">{t('list.addedAt')}</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">{tc('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((subscriber) => (
                <Table.Tr key={subscriber.contactId}>
                  <Table.Td>
                    {fullName(subscriber) && (
                      <Text size="sm" fw={600}>
                        {fullName(subscriber)}
                      </Text>
                    )}
                    <Text
                      size="sm"
                      c={fullName(subscriber) ? 'dimmed' : undefined}
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {subscriber.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{subscriber.organisation || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={subscriber.state} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`sources.${subscriber.source}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(subscriber.addedAt, locale)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{removeButton(subscriber)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}

      {pages > 1 && (
        <Group justify="center" mt="lg" component="nav" aria-label={t('common.pagination')}>
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
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

      {data.abilities.export && total > 0 && (
        <Group mt="lg">
          <Anchor href={exportUrl(id)} download size="sm">
            <IconDownload size={14} aria-hidden style={{ verticalAlign: -2 }} /> {t('list.export')}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('list.exportHint')}
          </Text>
        </Group>
      )}

      <AddSubscriberModal listId={id} opened={isAdding} onClose={adding.close} />
      {isEditing && <ListFormModal opened onClose={editing.close} list={data} />}
      <ConfirmModal
        opened={isArchiving}
        onClose={archiving.close}
        title={t('list.archiveTitle', { name: data.name })}
        message={t('list.archiveMessage')}
        confirmLabel={t('list.archive')}
        onConfirm={async () => {
          try {
            await deleteList.mutateAsync(id);
            notifications.show({ color: 'teal', message: t('list.archived') });
            navigate('/campaigns/lists');
          } catch (error) {
            notifyError(tc, error);
            throw error;
          }
        }}
      />
    </>
  );
}
