import {
  Button,
  Divider,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../shared/limits.ts';
import type { Locale } from '../../../shared/roles.ts';
import { notifySaved, showFormError } from '../../app/errors.ts';
import { currentLocale } from '../../app/i18n.ts';
import type { Person } from '../../app/types.ts';
import { useLabs } from '../labs/api.ts';
import { useSkills } from '../skills/api.ts';
import { type PersonInput, useUpdatePerson } from './api.ts';
import { languageOptions, skillOptions } from './options.ts';
import { type RoleRow, RolesEditor, rolesToInput } from './RolesEditor.tsx';

type Props = {
  person: Person;
  /** Email, lab and roles: `person.abilities.updateAccount`. */
  canEditAccount: boolean;
  onDone?: (person: Person) => void;
  onCancel?: () => void;
  submitLabel?: string;
};

const knownFields = [
  'firstName',
  'lastName',
  'jobTitle',
  'phone',
  'languages',
  'isMediaTrained',
  'skillIds',
  'email',
  'labId',
] as const;

/** A person's profile (and, for admins, their account: email, lab, roles). */
export function PersonForm({ person, canEditAccount, onDone, onCancel, submitLabel }: Props) {
  const { t } = useTranslation();
  const locale: Locale = currentLocale();
  const skills = useSkills();
  const labs = useLabs({}, { enabled: canEditAccount });
  const update = useUpdatePerson(person.id);
  const form = useForm({
    initialValues: {
      firstName: person.firstName,
      lastName: person.lastName,
      jobTitle: person.jobTitle,
      phone: person.phone ?? '',
      languages: person.languages,
      isMediaTrained: person.isMediaTrained,
      skillIds: person.skills.map((skill) => skill.id),
      email: person.email ?? '',
      labId: person.lab?.id ?? '',
      roles: person.roles.map(
        (grant): RoleRow => ({
          role: grant.role,
          labId: grant.lab?.id ?? '',
          delegationId: grant.delegation?.id ?? '',
        }),
      ),
    },
    validate: {
      firstName: (value) => (value.trim() ? null : t('fieldErrors.required')),
      lastName: (value) => (value.trim() ? null : t('fieldErrors.required')),
      phone: (value) => (/^[0-9+() .-]*$/.test(value) ? null : t('fieldErrors.phone')),
      email: (value) =>
        !canEditAccount || /^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('fieldErrors.email'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    const input: PersonInput = {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      jobTitle: values.jobTitle.trim(),
      phone: values.phone.trim() || null,
      languages: values.languages,
      isMediaTrained: values.isMediaTrained,
      skillIds: values.skillIds,
    };
    if (canEditAccount) {
      input.email = values.email.trim();
      input.labId = values.labId || null;
      input.roles = rolesToInput(values.roles);
    }
    try {
      const saved = await update.mutateAsync(input);
      notifySaved(t);
      form.resetDirty();
      onDone?.(saved);
    } catch (error) {
      showFormError(t, form, error, {
        knownFields: [
          ...knownFields,
          ...values.roles.flatMap((_, i) => [
            `roles.${i}.labId`,
            `roles.${i}.delegationId`,
            `roles.${i}.role`,
          ]),
        ],
      });
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('people.firstName')}
            required
            maxLength={limits.name}
            autoComplete="given-name"
            {...form.getInputProps('firstName')}
          />
          <TextInput
            label={t('people.lastName')}
            required
            maxLength={limits.name}
            autoComplete="family-name"
            {...form.getInputProps('lastName')}
          />
        </SimpleGrid>
        <TextInput
          label={t('people.jobTitle')}
          maxLength={limits.shortText}
          autoComplete="organization-title"
          {...form.getInputProps('jobTitle')}
        />
        <TextInput
          label={t('people.phone')}
          description={t('people.phoneHint')}
          type="tel"
          maxLength={limits.phone}
          autoComplete="tel"
          {...form.getInputProps('phone')}
        />
        <MultiSelect
          label={t('people.skills')}
          description={t('people.skillsHint')}
          data={skillOptions(t, skills.data?.items ?? [], locale)}
          searchable
          clearable
          maxValues={limits.listItems}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('skillIds')}
        />
        <MultiSelect
          label={t('people.languages')}
          data={languageOptions(locale, person.languages)}
          searchable
          clearable
          maxValues={limits.listItems}
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('languages')}
        />
        <Switch
          label={t('people.isMediaTrained')}
          description={t('people.isMediaTrainedHint')}
          {...form.getInputProps('isMediaTrained', { type: 'checkbox' })}
        />

        {canEditAccount && (
          <>
            <Divider my="xs" />
            <Title order={3} fz="md">
              {t('people.accountSection')}
            </Title>
            <TextInput
              label={t('auth.email')}
              type="email"
              required
              maxLength={limits.email}
              {...form.getInputProps('email')}
            />
            <Select
              label={t('people.lab')}
              data={[...(labs.data?.items ?? [])]
                .sort((a, b) => a.acronym.localeCompare(b.acronym))
                .map((lab) => ({ value: lab.id, label: `${lab.acronym} — ${lab.city}` }))}
              searchable
              clearable
              {...form.getInputProps('labId')}
            />
            <RolesEditor form={form} defaultLabId={form.getValues().labId} />
          </>
        )}

        <Group justify="flex-end" mt="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={update.isPending}>
            {submitLabel ?? t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
