import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBan, IconLock, IconPlus, IconSearch, IconShieldCheck, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type SuppressionReason,
  type SuppressionScope,
  suppressionReasons,
  suppressionScopes,
} from '../../../shared/campaigns.ts';
import { isApiError } from '../../app/api.ts';
import { notifyError, showFormError } from '../../app/errors.ts';
import { formatDate } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { ConfirmModal } from '../../shared/ConfirmButton.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { EmptyState, ErrorState, TableSkeleton } from '../../shared/States.tsx';
import { type CampaignsT, useCampaignsT } from '../campaigns/i18n.ts';
import { SendingNav } from '../campaigns/SendingNav.tsx';
import type { Suppression } from '../campaigns/types.ts';
import { type SuppressionInput, useAddSuppression, useLiftSuppression, useSuppressions } from './api.ts';

const pageSize = 25;
const reasonColors: Record<SuppressionReason, string> = {
  unsubscribe: 'gray',
  hard_bounce: 'red',
  complaint: 'orange',
  manual: 'blue',
};
export const scopeLabel = (t: CampaignsT, scope: SuppressionScope | string) =>
  t(`scopes.${scope === '*' ? 'all' : (scope as 'press')}`);

function AddSuppressionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const add = useAddSuppression();
  const form = useForm<Required<SuppressionInput>>({
    initialValues: { email: '', scope: '*', reason: 'manual', detail: '' },
    validate: {
      email: (value) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : tc('fieldErrors.email')),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const created = await add.mutateAsync({
        ...values,
        email: values.email.trim(),
        detail: values.detail.trim() || undefined,
      });
      notifications.show({ color: 'teal', message: t('suppressions.added', { email: created.email }) });
      form.reset();
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409) form.setErrors({ email: t('suppressions.exists') });
      else showFormError(tc, form, error, { knownFields: ['email', 'scope', 'reason', 'detail'] });
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('suppressions.addTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('common.email')}
            type="email"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <Select
            label={t('suppressions.scope')}
            data={suppressionScopes.map((value) => ({ value, label: scopeLabel(t, value) }))}
            allowDeselect={false}
            {...form.getInputProps('scope')}
          />
          <Select
            label={t('suppressions.reason')}
            data={(['manual', 'complaint'] as const).map((value) => ({
              value,
              label: t(`reasons.${value}`),
            }))}
            allowDeselect={false}
            {...form.getInputProps('reason')}
          />
          <TextInput
            label={t('suppressions.detail')}
            placeholder={t('suppressions.detailPlaceholder')}
            maxLength={500}
            {...form.getInputProps('detail')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={add.isPending}>
              {t('suppressions.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Addresses no campaign ever mails: unsubscribes, hard bounces, complaints, manual. Never bypassed. */
export default function SuppressionsPage() {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [reason, setReason] = useState<SuppressionReason | ''>('');
  const [page, setPage] = useState(1);
  const suppressions = useSuppressions({
    q: q || undefined,
    reason: reason || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const lift = useLiftSuppression();
  const [isAdding, adding] = useDisclosure(false);
  const [toLift, setToLift] = useState<Suppression | null>(null);
  const total = suppressions.data?.total ?? 0;
  const pages = Math.ceil(total / pageSize);
  const items = suppressions.data?.items ?? [];

  const liftButton = (row: Suppression) =>
    row.abilities.lift ? (
      <Tooltip label={t('suppressions.lift')}>
        <ActionIcon
          variant="subtle"
          color="dark"
          aria-label={t('suppressions.liftLabel', { email: row.email })}
          onClick={() => setToLift(row)}
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    ) : (
      <Tooltip label={t('suppressions.ownChoice')}>
        <span>
          <IconLock size={16} aria-label={t('suppressions.ownChoice')} color="var(--mantine-color-gray-6)" />
        </span>
      </Tooltip>
    );

  const reasonBadge = (row: Suppression) => (
    <Badge variant="light" color={reasonColors[row.reason]} size="sm">
      {t(`reasons.${row.reason}`)}
    </Badge>
  );

  return (
    <>
      <PageHeader
        title={t('suppressions.title')}
        description={t('suppressions.description')}
        actions={
          <Button
            variant="light"
            color="red"
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={adding.open}
          >
            {t('suppressions.add')}
          </Button>
        }
      />
      <SendingNav />
      <Alert variant="light" color="relais" icon={<IconShieldCheck aria-hidden />} mb="lg">
        {t('suppressions.never')}
      </Alert>

      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('suppressions.searchPlaceholder')}
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
          label={t('suppressions.reasonFilter')}
          data={[
            { value: '', label: t('common.all') },
            ...suppressionReasons.map((value) => ({ value, label: t(`reasons.${value}`) })),
          ]}
          value={reason}
          onChange={(value) => {
            setReason((value ?? '') as SuppressionReason | '');
            setPage(1);
          }}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
        />
        <Text size="sm" c="dimmed" aria-live="polite" pb={8}>
          {suppressions.data ? t('suppressions.count', { count: total }) : tc('common.loading')}
        </Text>
      </Group>

      {suppressions.isError ? (
        <ErrorState error={suppressions.error} onRetry={() => void suppressions.refetch()} />
      ) : suppressions.isPending ? (
        <TableSkeleton rows={8} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={q || reason ? <IconSearch size={28} aria-hidden /> : <IconBan size={28} aria-hidden />}
          title={q || reason ? t('suppressions.emptyFiltered') : t('suppressions.empty')}
          description={q || reason ? undefined : t('suppressions.emptyHint')}
        />
      ) : isPhone ? (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          aria-label={t('suppressions.table')}
          style={{ listStyle: 'none' }}
        >
          {items.map((row) => (
            <Card key={row.id} component="li" withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {row.email}
                  </Text>
                  <Group gap={6}>
                    {reasonBadge(row)}
                    <Text size="xs" c="dimmed">
                      {scopeLabel(t, row.scope)} · {formatDate(row.createdAt, locale)}
                    </Text>
                  </Group>
                  {row.detail && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {row.detail}
                    </Text>
                  )}
                </Stack>
                {liftButton(row)}
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Card p={0} style={{ overflow: 'hidden', opacity: suppressions.isPlaceholderData ? 0.6 : 1 }}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Caption className="sr-only">{t('suppressions.table')}</Table.Caption>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th scope="col">{t('common.email')}</Table.Th>
                <Table.Th scope="col">{t('suppressions.reason')}</Table.Th>
                <Table.Th scope="col">{t('suppressions.scope')}</Table.Th>
                <Table.Th scope="col">{t('suppressions.since')}</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">{tc('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {row.email}
                    </Text>
                    {row.detail && (
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {row.detail}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{reasonBadge(row)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{scopeLabel(t, row.scope)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDate(row.createdAt, locale)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{liftButton(row)}</Table.Td>
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

      <AddSuppressionModal opened={isAdding} onClose={adding.close} />
      <ConfirmModal
        opened={toLift !== null}
        onClose={() => setToLift(null)}
        title={t('suppressions.liftTitle', { email: toLift?.email ?? '' })}
        message={t('suppressions.liftMessage')}
        confirmLabel={t('suppressions.lift')}
        onConfirm={async () => {
          if (!toLift) return;
          try {
            await lift.mutateAsync(toLift.id);
            notifications.show({ color: 'teal', message: t('suppressions.lifted') });
          } catch (error) {
            notifyError(tc, error);
            throw error;
          }
        }}
      />
    </>
  );
}
