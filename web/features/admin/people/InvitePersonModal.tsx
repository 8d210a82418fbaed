import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../shared/limits.ts';
import { roleScope } from '../../../../shared/roles.ts';
import { notifySaved, showFormError } from '../../../app/errors.ts';
import { useLabs } from '../../labs/api.ts';
import { useCreatePerson } from '../../people/api.ts';
import { type RoleRow, RolesEditor, rolesToInput } from '../../people/RolesEditor.tsx';

/** "Inviter une personne": creates the person and (by default) emails an invitation. */
export function InvitePersonModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const labs = useLabs();
  const create = useCreatePerson();
  const form = useForm({
    initialValues: {
      email: '',
      firstName: '',
      lastName: '',
      jobTitle: '',
      labId: '',
      roles: [{ role: 'contributor', labId: '', delegationId: '' }] as RoleRow[],
      sendInvitation: true,
    },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('fieldErrors.email')),
      firstName: (value) => (value.trim() ? null : t('fieldErrors.required')),
      lastName: (value) => (value.trim() ? null : t('fieldErrors.required')),
      roles: {
        labId: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          const row = values.roles[index];
          return row && roleScope[row.role] === 'lab' && !value ? t('fieldErrors.requiredForRole') : null;
        },
        delegationId: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          const row = values.roles[index];
          return row && roleScope[row.role] === 'delegation' && !value
            ? t('fieldErrors.requiredForRole')
            : null;
        },
      },
    },
  });

  const close = () => {
    form.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('admin.people.inviteTitle')} size="lg" centered>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          try {
            const person = await create.mutateAsync({
              email: values.email.trim(),
              firstName: values.firstName.trim(),
              lastName: values.lastName.trim(),
              jobTitle: values.jobTitle.trim(),
              labId: values.labId || null,
              roles: rolesToInput(values.roles),
              sendInvitation: values.sendInvitation,
            });
            notifySaved(
              t,
              values.sendInvitation
                ? t('people.invitationSent', { email: person.email ?? values.email })
                : t('admin.people.created', { name: person.name }),
            );
            close();
          } catch (error) {
            showFormError(t, form, error, {
              knownFields: [
                'email',
                'firstName',
                'lastName',
                'jobTitle',
                'labId',
                ...values.roles.flatMap((_, i) => [
                  `roles.${i}.role`,
                  `roles.${i}.labId`,
                  `roles.${i}.delegationId`,
                ]),
              ],
            });
          }
        })}
      >
        <Stack gap="md">
          <TextInput
            label={t('auth.email')}
            type="email"
            required
            maxLength={limits.email}
            data-autofocus
            {...form.getInputProps('email')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('people.firstName')}
              required
              maxLength={limits.name}
              {...form.getInputProps('firstName')}
            />
            <TextInput
              label={t('people.lastName')}
              required
              maxLength={limits.name}
              {...form.getInputProps('lastName')}
            />
          </SimpleGrid>
          <TextInput
            label={t('people.jobTitle')}
            maxLength={limits.shortText}
            {...form.getInputProps('jobTitle')}
          />
          <Select
            label={t('people.lab')}
            placeholder={t('admin.people.noLab')}
            data={[...(labs.data?.items ?? [])]
              .sort((a, b) => a.acronym.localeCompare(b.acronym))
              .map((lab) => ({ value: lab.id, label: `${lab.acronym} — ${lab.city}` }))}
            searchable
            clearable
            {...form.getInputProps('labId')}
            onChange={(value) => {
              form.setFieldValue('labId', value ?? '');
              // Lab-scoped roles with no lab yet follow the person's lab.
              form.getValues().roles.forEach((row, index) => {
                if (roleScope[row.role] === 'lab' && !row.labId && value)
                  form.setFieldValue(`roles.${index}.labId`, value);
              });
            }}
          />
          <RolesEditor form={form} defaultLabId={form.getValues().labId} />
          <Switch
            label={t('admin.people.sendInvitation')}
            description={t('admin.people.sendInvitationHint')}
            {...form.getInputProps('sendInvitation', { type: 'checkbox' })}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {form.getValues().sendInvitation
                ? t('admin.people.inviteSubmit')
                : t('admin.people.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
