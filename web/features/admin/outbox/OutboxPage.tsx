import { Alert, Anchor, Badge, Card, Group, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle, IconMail, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatRelative } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import { EmptyState, ErrorState, TableSkeleton } from '../../../shared/States.tsx';
import { SectionHeader } from '../Toolbar.tsx';
import { useOutbox } from './api.ts';

const pageSize = 25;

/** "Courriels envoyés": every message the platform sent, newest first. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [to, setTo] = useState('');
  const [debouncedTo] = useDebouncedValue(to.trim(), 300);
  const [page, setPage] = useState(1);
  const outbox = useOutbox({ to: debouncedTo, limit: pageSize, offset: (page - 1) * pageSize });
  const total = outbox.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <>
      <SectionHeader title={t('admin.tabs.outbox')} />
      {outbox.data?.mode === 'outbox' && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} mb="md">
          {t('admin.outbox.modeOutbox')}
        </Alert>
      )}
      <TextInput
        label={t('admin.outbox.filterTo')}
        placeholder="nom@exemple.fr"
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={to}
        onChange={(event) => {
          setTo(event.currentTarget.value);
          setPage(1);
        }}
        maw={420}
        mb="md"
      />
      {outbox.isError ? (
        <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : outbox.isPending ? (
        <TableSkeleton rows={8} />
      ) : outbox.data.items.length === 0 ? (
        <EmptyState
          icon={<IconMail size={28} aria-hidden />}
          title={t('admin.outbox.empty')}
          description={t('admin.outbox.emptyHint')}
        />
      ) : (
        <Card p={0} style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={680}>
            <Table>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.outbox.subject')}</Table.Th>
                  <Table.Th scope="col">{t('admin.outbox.to')}</Table.Th>
                  <Table.Th scope="col">{t('admin.outbox.stream')}</Table.Th>
                  <Table.Th scope="col">{t('admin.outbox.date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outbox.data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/outbox/${item.id}`} fw={600} size="sm">
                        {item.subject}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.to}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray">
                        {item.stream}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={formatDateTime(item.createdAt, locale)}>
                        {formatRelative(item.createdAt, locale)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {pages > 1 && (
        <Stack align="center" mt="lg">
          <Group>
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({
                'aria-label':
                  control === 'previous'
                    ? t('common.previousPage')
                    : control === 'next'
                      ? t('common.nextPage')
                      : control,
              })}
              getItemProps={(item) => ({ 'aria-label': t('common.page', { page: item }) })}
            />
          </Group>
        </Stack>
      )}
    </>
  );
}
