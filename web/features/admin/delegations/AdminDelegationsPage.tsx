import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { limits } from '../../../../shared/limits.ts';
import { useAbilities } from '../../../app/auth.ts';
import { notifyError, notifySaved, showFormError } from '../../../app/errors.ts';
import type { Delegation } from '../../../app/types.ts';
import { ConfirmModal } from '../../../shared/ConfirmButton.tsx';
import { EmptyState, ErrorState, TableSkeleton } from '../../../shared/States.tsx';
import { useDelegations, useDeleteDelegation, useSaveDelegation } from '../../labs/api.ts';
import { SectionHeader } from '../Toolbar.tsx';

function DelegationForm({ delegation, onDone }: { delegation: Delegation | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveDelegation(delegation?.id ?? null);
  const form = useForm({
    initialValues: {
      code: delegation?.code ?? '',
      name: delegation?.name ?? '',
      city: delegation?.city ?? '',
    },
    validate: {
      code: (value) =>
        !value.trim()
          ? t('fieldErrors.required')
          : /^[A-Za-z0-9 -]+$/.test(value)
            ? null
            : t('fieldErrors.format'),
      name: (value) => (value.trim() ? null : t('fieldErrors.required')),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        try {
          await save.mutateAsync({
            code: values.code.trim(),
            name: values.name.trim(),
            city: values.city.trim(),
          });
          notifySaved(t);
          onDone();
        } catch (error) {
          showFormError(t, form, error, { knownFields: ['code', 'name', 'city'] });
        }
      })}
    >
      <Stack>
        <TextInput
          label={t('admin.delegations.code')}
          placeholder="DR4"
          required
          maxLength={20}
          data-autofocus
          {...form.getInputProps('code')}
        />
        <TextInput
          label={t('admin.delegations.name')}
          required
          maxLength={limits.name}
          {...form.getInputProps('name')}
        />
        <TextInput label={t('labs.city')} maxLength={limits.shortText} {...form.getInputProps('city')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {delegation ? t('common.save') : t('admin.delegations.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function AdminDelegationsPage() {
  const { t } = useTranslation();
  const abilities = useAbilities();
  const delegations = useDelegations();
  const remove = useDeleteDelegation();
  const [editing, setEditing] = useState<Delegation | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Delegation | null>(null);
  const items = [...(delegations.data?.items ?? [])].sort((a, b) =>
    a.code.localeCompare(b.code, undefined, { numeric: true }),
  );

  return (
    <>
      <SectionHeader
        title={t('admin.tabs.delegations')}
        action={
          abilities.manageDirectory && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
              {t('admin.delegations.add')}
            </Button>
          )
        }
      />
      {delegations.isError ? (
        <ErrorState error={delegations.error} onRetry={() => void delegations.refetch()} />
      ) : delegations.isPending ? (
        <TableSkeleton rows={8} />
      ) : items.length === 0 ? (
        <EmptyState title={t('admin.delegations.empty')} />
      ) : (
        <Card p={0} style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.delegations.code')}</Table.Th>
                  <Table.Th scope="col">{t('admin.delegations.name')}</Table.Th>
                  <Table.Th scope="col">{t('labs.city')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('admin.delegations.labs')}
                  </Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((delegation) => (
                  <Table.Tr key={delegation.id}>
                    <Table.Td fw={700}>{delegation.code}</Table.Td>
                    <Table.Td>{delegation.name}</Table.Td>
                    <Table.Td>{delegation.city || '—'}</Table.Td>
                    <Table.Td ta="right">
                      {delegation.labCount > 0 ? (
                        <Text
                          component={Link}
                          to={`/network?delegation=${delegation.id}`}
                          size="sm"
                          c="relais.7"
                          td="underline"
                        >
                          {delegation.labCount}
                        </Text>
                      ) : (
                        0
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {delegation.abilities.update && (
                          <Tooltip label={t('common.edit')}>
                            <ActionIcon
                              variant="subtle"
                              color="dark"
                              aria-label={t('admin.delegations.editNamed', { code: delegation.code })}
                              onClick={() => setEditing(delegation)}
                            >
                              <IconPencil size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {delegation.abilities.delete && (
                          <Tooltip label={t('common.delete')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('admin.delegations.deleteNamed', { code: delegation.code })}
                              onClick={() => setDeleting(delegation)}
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

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new'
            ? t('admin.delegations.add')
            : t('admin.delegations.editNamed', { code: editing?.code ?? '' })
        }
        centered
      >
        {editing !== null && (
          <DelegationForm
            key={editing === 'new' ? 'new' : editing.id}
            delegation={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>

      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('admin.delegations.deleteNamed', { code: deleting?.code ?? '' })}
        message={t('admin.delegations.deleteMessage')}
        confirmLabel={t('common.delete')}
        onConfirm={() =>
          remove.mutateAsync(deleting?.id ?? '').then(
            () => notifySaved(t, t('admin.delegations.deleted')),
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
