import { ActionIcon, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type RoleName, roleNames, roleScope } from '../../../shared/roles.ts';
import { useDelegations, useLabs } from '../labs/api.ts';

export type RoleRow = { role: RoleName; labId: string; delegationId: string };

/** The part of a Mantine form this editor needs (the form's own type does not resolve under nodenext). */
export type FormWithRoles = {
  getValues: () => { roles: RoleRow[] };
  getInputProps: (path: string) => object;
  insertListItem: (path: string, item: RoleRow) => void;
  removeListItem: (path: string, index: number) => void;
};

/** Role grants with their scope: a lab for contributors and correspondents, a delegation for DR officers. */
export function RolesEditor({ form, defaultLabId }: { form: FormWithRoles; defaultLabId?: string }) {
  const { t } = useTranslation();
  const labs = useLabs();
  const delegations = useDelegations();
  const labOptions = [...(labs.data?.items ?? [])]
    .sort((a, b) => a.acronym.localeCompare(b.acronym))
    .map((lab) => ({ value: lab.id, label: `${lab.acronym} — ${lab.city}` }));
  const delegationOptions = (delegations.data?.items ?? []).map((item) => ({
    value: item.id,
    label: `${item.code} · ${item.name}`,
  }));
  const roles = form.getValues().roles;

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="roles-label">
        {t('people.roles')}
      </Text>
      {roles.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('people.noRole')}
        </Text>
      )}
      {roles.map((row, index) => {
        const scope = roleScope[row.role];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <Card key={index} padding="sm" bg="gray.0">
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Select
                label={t('people.role')}
                data={roleNames.map((name) => ({ value: name, label: t(`roles.${name}`) }))}
                allowDeselect={false}
                style={{ flex: '1 1 200px' }}
                {...form.getInputProps(`roles.${index}.role`)}
              />
              {scope === 'lab' && (
                <Select
                  label={t('people.roleLab')}
                  data={labOptions}
                  searchable
                  required
                  style={{ flex: '1 1 200px' }}
                  {...form.getInputProps(`roles.${index}.labId`)}
                />
              )}
              {scope === 'delegation' && (
                <Select
                  label={t('people.roleDelegation')}
                  data={delegationOptions}
                  searchable
                  required
                  style={{ flex: '1 1 200px' }}
                  {...form.getInputProps(`roles.${index}.delegationId`)}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={26}
                aria-label={t('people.removeRole', { role: t(`roles.${row.role as RoleName}`) })}
                onClick={() => form.removeListItem('roles', index)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Card>
        );
      })}
      <Button
        variant="light"
        size="xs"
        leftSection={<IconPlus size={14} aria-hidden />}
        style={{ alignSelf: 'flex-start' }}
        onClick={() =>
          form.insertListItem('roles', { role: 'contributor', labId: defaultLabId ?? '', delegationId: '' })
        }
      >
        {t('people.addRole')}
      </Button>
    </Stack>
  );
}

/** Rows → API body: only the scope the role needs. */
export function rolesToInput(rows: RoleRow[]) {
  return rows.map((row) => {
    const scope = roleScope[row.role];
    return {
      role: row.role,
      labId: scope === 'lab' ? row.labId || null : null,
      delegationId: scope === 'delegation' ? row.delegationId || null : null,
    };
  });
}
