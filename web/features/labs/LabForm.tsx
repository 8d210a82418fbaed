import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../shared/limits.ts';
import { notifySaved, showFormError } from '../../app/errors.ts';
import type { Lab, LabKind } from '../../app/types.ts';
import { type LabInput, useDelegations, useSaveLab } from './api.ts';

type Props = {
  /** The lab to edit, or null to create one. */
  lab: Lab | null;
  /** Acronym, kind and delegation: only when the server says so (`abilities.updateIdentity`, or creating). */
  canEditIdentity: boolean;
  onDone: (lab: Lab) => void;
  onCancel: () => void;
};

const fields = [
  'acronym',
  'name',
  'kind',
  'city',
  'site',
  'region',
  'delegationId',
  'partners',
  'themes',
  'website',
  'latitude',
  'longitude',
] as const;

/** Create or edit a lab; identity fields only when allowed. */
export function LabForm({ lab, canEditIdentity, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const delegations = useDelegations();
  const save = useSaveLab(lab?.id ?? null);
  const form = useForm({
    initialValues: {
      acronym: lab?.acronym ?? '',
      name: lab?.name ?? '',
      kind: (lab?.kind ?? 'lab') as LabKind,
      city: lab?.city ?? '',
      site: lab?.site ?? '',
      region: lab?.region ?? '',
      delegationId: lab?.delegation?.id ?? '',
      partners: lab?.partners ?? [],
      themes: lab?.themes ?? [],
      website: lab?.website ?? '',
      latitude: (lab?.latitude ?? '') as number | string,
      longitude: (lab?.longitude ?? '') as number | string,
    },
    validate: {
      acronym: (value) => (canEditIdentity && !value.trim() ? t('fieldErrors.required') : null),
      name: (value) => (!value.trim() ? t('fieldErrors.required') : null),
      city: (value) => (!value.trim() ? t('fieldErrors.required') : null),
      delegationId: (value) => (canEditIdentity && !value ? t('fieldErrors.required') : null),
      website: (value) => (value && !/^https?:\/\/\S+$/.test(value.trim()) ? t('fieldErrors.url') : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    const toNumber = (value: number | string) => (value === '' ? null : Number(value));
    const input: LabInput = {
      name: values.name.trim(),
      city: values.city.trim(),
      site: values.site.trim(),
      region: values.region.trim(),
      partners: values.partners,
      themes: values.themes,
      website: values.website.trim(),
      latitude: toNumber(values.latitude),
      longitude: toNumber(values.longitude),
    };
    if (canEditIdentity) {
      input.acronym = values.acronym.trim();
      input.kind = values.kind;
      input.delegationId = values.delegationId;
    }
    try {
      const saved = await save.mutateAsync(input);
      notifySaved(t);
      onDone(saved);
    } catch (error) {
      showFormError(t, form, error, { knownFields: fields });
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {canEditIdentity && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('labs.acronym')} required maxLength={40} {...form.getInputProps('acronym')} />
            <Select
              label={t('labs.kindLabel')}
              data={[
                { value: 'lab', label: t('labs.kind.lab') },
                { value: 'platform', label: t('labs.kind.platform') },
              ]}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
          </SimpleGrid>
        )}
        <TextInput label={t('labs.name')} required maxLength={limits.name} {...form.getInputProps('name')} />
        {canEditIdentity && (
          <Select
            label={t('labs.delegation')}
            required
            searchable
            data={(delegations.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.code} · ${item.name}`,
            }))}
            {...form.getInputProps('delegationId')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('labs.city')}
            required
            maxLength={limits.shortText}
            {...form.getInputProps('city')}
          />
          <TextInput
            label={t('labs.region')}
            maxLength={limits.shortText}
            {...form.getInputProps('region')}
          />
        </SimpleGrid>
        <TextInput label={t('labs.site')} maxLength={limits.shortText} {...form.getInputProps('site')} />
        <TextInput
          label={t('labs.website')}
          placeholder="https://"
          type="url"
          maxLength={limits.url}
          {...form.getInputProps('website')}
        />
        <TagsInput
          label={t('labs.themes')}
          description={t('labs.tagsHint')}
          maxTags={limits.listItems}
          clearable
          {...form.getInputProps('themes')}
        />
        <TagsInput
          label={t('labs.partners')}
          description={t('labs.tagsHint')}
          maxTags={limits.listItems}
          clearable
          {...form.getInputProps('partners')}
        />
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('labs.latitude')}
            min={-90}
            max={90}
            decimalScale={5}
            hideControls
            {...form.getInputProps('latitude')}
          />
          <NumberInput
            label={t('labs.longitude')}
            min={-180}
            max={180}
            decimalScale={5}
            hideControls
            {...form.getInputProps('longitude')}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {lab ? t('common.save') : t('labs.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
