import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAbilities } from '../../../app/auth.ts';
import { notifyError, notifySaved } from '../../../app/errors.ts';
import type { Lab } from '../../../app/types.ts';
import { ConfirmModal } from '../../../shared/ConfirmButton.tsx';
import { EmptyState, ErrorState, TableSkeleton } from '../../../shared/States.tsx';
import { useDeleteLab, useLabs } from '../../labs/api.ts';
import { LabForm } from '../../labs/LabForm.tsx';
import { SectionHeader } from '../Toolbar.tsx';

export default function AdminLabsPage() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const labs = useLabs({ q: q.trim() });
  const remove = useDeleteLab();
  const [editing, setEditing] = useState<Lab | null>(null);
  const [deleting, setDeleting] = useState<Lab | null>(null);
  const isCreating = params.get('new') === '1';
  const closeDrawer = () => {
    setEditing(null);
    if (isCreating) setParams({}, { replace: true });
  };
  const items = [...(labs.data?.items ?? [])].sort((a, b) => a.acronym.localeCompare(b.acronym));

  return (
    <>
      <SectionHeader
        title={t('admin.tabs.labs')}
        action={
          abilities.manageDirectory && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => setParams({ new: '1' }, { replace: true })}
            >
              {t('labs.add')}
            </Button>
          )
        }
      />
      <TextInput
        label={t('network.search')}
        placeholder={t('network.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        maw={420}
        mb="md"
      />
      {labs.isError ? (
        <ErrorState error={labs.error} onRetry={() => void labs.refetch()} />
      ) : labs.isPending ? (
        <TableSkeleton rows={10} />
      ) : items.length === 0 ? (
        <EmptyState title={t('network.emptyTitle')} />
      ) : (
        <Card p={0} style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={760}>
            <Table>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">{t('labs.acronym')}</Table.Th>
                  <Table.Th scope="col">{t('labs.name')}</Table.Th>
                  <Table.Th scope="col">{t('labs.city')}</Table.Th>
                  <Table.Th scope="col">{t('labs.delegation')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('labs.people')}
                  </Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((lab) => (
                  <Table.Tr key={lab.id}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Anchor component={Link} to={`/labs/${lab.id}`} fw={700} size="sm">
                          {lab.acronym}
                        </Anchor>
                        {lab.kind === 'platform' && (
                          <Badge size="xs" color="teal">
                            {t('labs.kind.platform')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{lab.name}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{lab.city}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{lab.delegation?.code ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{lab.peopleCount}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {lab.abilities.update && (
                          <Tooltip label={t('common.edit')}>
                            <ActionIcon
                              variant="subtle"
                              color="dark"
                              aria-label={t('labs.editTitle', { acronym: lab.acronym })}
                              onClick={() => setEditing(lab)}
                            >
                              <IconPencil size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {lab.abilities.delete && (
                          <Tooltip label={t('common.delete')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('labs.deleteTitle', { acronym: lab.acronym })}
                              onClick={() => setDeleting(lab)}
                            >
                              <IconTrash size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}

      <Drawer
        opened={editing !== null || isCreating}
        onClose={closeDrawer}
        title={editing ? t('labs.editTitle', { acronym: editing.acronym }) : t('labs.createTitle')}
        position="right"
        size="lg"
      >
        {(editing || isCreating) && (
          <LabForm
            key={editing?.id ?? 'new'}
            lab={editing}
            canEditIdentity={
              editing ? editing.abilities.updateIdentity === true : abilities.manageDirectory === true
            }
            onDone={closeDrawer}
            onCancel={closeDrawer}
          />
        )}
      </Drawer>

      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('labs.deleteTitle', { acronym: deleting?.acronym ?? '' })}
        message={t('labs.deleteMessage')}
        confirmLabel={t('common.delete')}
        onConfirm={() =>
          remove.mutateAsync(deleting?.id ?? '').then(
            () => notifySaved(t, t('labs.deleted')),
            (error: unknown) => {
              notifyError(t, error);
              throw error;
            },
          )
        }
      />
    </>
  );
}
