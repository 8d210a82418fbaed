import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Drawer,
  Group,
  Menu,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import {
  IconDots,
  IconEye,
  IconMailForward,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconSearch,
  IconTrash,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type RoleName, roleNames } from '../../../../shared/roles.ts';
import { useAbilities } from '../../../app/auth.ts';
import { notifyError, notifySaved } from '../../../app/errors.ts';
import { formatRelative } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import type { Person } from '../../../app/types.ts';
import { ConfirmModal } from '../../../shared/ConfirmButton.tsx';
import { RoleBadges } from '../../../shared/RoleBadges.tsx';
import { EmptyState, ErrorState, TableSkeleton } from '../../../shared/States.tsx';
import { StatusBadge } from '../../../shared/StatusBadge.tsx';
import { useLabs } from '../../labs/api.ts';
import { type AccountAction, useDeletePerson, usePeople, usePersonAction } from '../../people/api.ts';
import { PersonForm } from '../../people/PersonForm.tsx';
import { SectionHeader } from '../Toolbar.tsx';
import { InvitePersonModal } from './InvitePersonModal.tsx';

const pageSize = 25;

type Pending = { kind: 'disable' | 'delete'; person: Person } | null;

export default function AdminPeoplePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const abilities = useAbilities();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [role, setRole] = useState<RoleName | ''>('');
  const [lab, setLab] = useState('');
  const [page, setPage] = useState(1);
  const people = usePeople({ q: debouncedQ, role, lab, limit: pageSize, offset: (page - 1) * pageSize });
  const labs = useLabs();
  const [isInviting, invite] = useDisclosure(false);
  const [editing, setEditing] = useState<Person | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const action = usePersonAction();
  const remove = useDeletePerson();

  const run = (person: Person, kind: AccountAction, success: string) =>
    action.mutateAsync({ id: person.id, action: kind }).then(
      () => notifySaved(t, success),
      (error: unknown) => {
        notifyError(t, error);
        throw error;
      },
    );

  const total = people.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <>
      <SectionHeader
        title={t('admin.tabs.people')}
        action={
          abilities.manageUsers && (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={invite.open}>
              {t('admin.people.invite')}
            </Button>
          )
        }
      />
      <Card padding="md" mb="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            label={t('admin.people.search')}
            placeholder={t('admin.people.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={q}
            onChange={(event) => {
              setQ(event.currentTarget.value);
              setPage(1);
            }}
            style={{ flex: '2 1 240px' }}
          />
          <Select
            label={t('people.role')}
            placeholder={t('admin.people.allRoles')}
            data={roleNames.map((name) => ({ value: name, label: t(`roles.${name}`) }))}
            value={role || null}
            onChange={(value) => {
              setRole((value as RoleName | null) ?? '');
              setPage(1);
            }}
            clearable
            style={{ flex: '1 1 200px' }}
          />
          <Select
            label={t('people.lab')}
            placeholder={t('skills.allLabs')}
            data={[...(labs.data?.items ?? [])]
              .sort((a, b) => a.acronym.localeCompare(b.acronym))
              .map((item) => ({ value: item.id, label: item.acronym }))}
            value={lab || null}
            onChange={(value) => {
              setLab(value ?? '');
              setPage(1);
            }}
            searchable
            clearable
            style={{ flex: '1 1 160px' }}
          />
        </Group>
      </Card>

      <Text size="sm" c="dimmed" mb="xs" role="status">
        {people.data ? t('admin.people.count', { count: total }) : ' '}
      </Text>

      {people.isError ? (
        <ErrorState error={people.error} onRetry={() => void people.refetch()} />
      ) : people.isPending ? (
        <TableSkeleton rows={10} />
      ) : people.data.items.length === 0 ? (
        <EmptyState
          icon={<IconUsers size={28} aria-hidden />}
          title={t('admin.people.empty')}
          description={t('admin.people.emptyHint')}
        />
      ) : (
        <Card p={0} style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={880}>
            <Table>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.people.name')}</Table.Th>
                  <Table.Th scope="col">{t('people.lab')}</Table.Th>
                  <Table.Th scope="col">{t('people.roles')}</Table.Th>
                  <Table.Th scope="col">{t('admin.people.status')}</Table.Th>
                  <Table.Th scope="col">{t('admin.people.lastLogin')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.data.items.map((person) => (
                  <Table.Tr key={person.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/people/${person.id}`} fw={600} size="sm">
                        {person.name}
                      </Anchor>
                      {person.email && (
                        <Text size="xs" c="dimmed">
                          {person.email}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {person.lab ? (
                        <Anchor component={Link} to={`/labs/${person.lab.id}`} size="sm">
                          {person.lab.acronym}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RoleBadges roles={person.roles} size="sm" />
                    </Table.Td>
                    <Table.Td>
                      {person.accountStatus && <StatusBadge status={person.accountStatus} />}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {person.lastLoginAt ? formatRelative(person.lastLoginAt, locale) : t('people.never')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Menu position="bottom-end" withinPortal shadow="md">
                        <Menu.Target>
                          <ActionIcon
                            variant="subtle"
                            color="dark"
                            aria-label={t('admin.people.actionsFor', { name: person.name })}
                          >
                            <IconDots size={18} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            component={Link}
                            to={`/people/${person.id}`}
                            leftSection={<IconEye size={16} aria-hidden />}
                          >
                            {t('admin.people.view')}
                          </Menu.Item>
                          {person.abilities.updateProfile && (
                            <Menu.Item
                              leftSection={<IconPencil size={16} aria-hidden />}
                              onClick={() => setEditing(person)}
                            >
                              {t('people.edit')}
                            </Menu.Item>
                          )}
                          {person.abilities.invite && (
                            <Menu.Item
                              leftSection={<IconMailForward size={16} aria-hidden />}
                              onClick={() =>
                                void run(
                                  person,
                                  'invitation',
                                  t('people.invitationSent', { email: person.email ?? '' }),
                                ).catch(() => undefined)
                              }
                            >
                              {person.accountStatus === 'invited'
                                ? t('people.resendInvitation')
                                : t('people.sendInvitation')}
                            </Menu.Item>
                          )}
                          {person.abilities.enable && (
                            <Menu.Item
                              leftSection={<IconPlayerPlay size={16} aria-hidden />}
                              onClick={() =>
                                void run(person, 'enable', t('people.enabled')).catch(() => undefined)
                              }
                            >
                              {t('people.enable')}
                            </Menu.Item>
                          )}
                          {person.abilities.disable && (
                            <Menu.Item
                              color="orange"
                              leftSection={<IconPlayerPause size={16} aria-hidden />}
                              onClick={() => setPending({ kind: 'disable', person })}
                            >
                              {t('people.disable')}
                            </Menu.Item>
                          )}
                          {person.abilities.delete && (
                            <Menu.Item
                              color="red"
                              leftSection={<IconTrash size={16} aria-hidden />}
                              onClick={() => setPending({ kind: 'delete', person })}
                            >
                              {t('common.delete')}
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
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
        </Stack>
      )}

      <InvitePersonModal opened={isInviting} onClose={invite.close} />

      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('people.editTitle', { name: editing.name }) : ''}
        position="right"
        size="lg"
      >
        {editing && (
          <PersonForm
            person={editing}
            canEditAccount={editing.abilities.updateAccount === true}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Drawer>

      <ConfirmModal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={
          pending?.kind === 'delete'
            ? t('people.deleteTitle', { name: pending.person.name })
            : t('people.disableTitle', { name: pending?.person.name ?? '' })
        }
        message={pending?.kind === 'delete' ? t('people.deleteMessage') : t('people.disableMessage')}
        confirmLabel={pending?.kind === 'delete' ? t('common.delete') : t('people.disable')}
        color={pending?.kind === 'delete' ? 'red' : 'orange'}
        onConfirm={async () => {
          if (!pending) return;
          if (pending.kind === 'disable') {
            await run(pending.person, 'disable', t('people.disabled'));
          } else {
            await remove.mutateAsync(pending.person.id).then(
              () => notifySaved(t, t('people.deleted')),
              (error: unknown) => {
                notifyError(t, error);
                throw error;
              },
            );
          }
        }}
      />
    </>
  );
}
