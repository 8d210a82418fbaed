import { Button, Group, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { campaignLimits } from '../../../shared/campaigns.ts';
import { showFormError } from '../../app/errors.ts';
import { useCampaignsT } from '../campaigns/i18n.ts';
import type { ListInput, MailingList } from '../campaigns/types.ts';
import { useCreateList, useUpdateList } from './api.ts';

type Props = {
  opened: boolean;
  onClose: () => void;
  /** Edit this list; create a new one without. */
  list?: MailingList;
  onCreated?: (list: MailingList) => void;
};

/** Name, description and whether the public subscribe page offers the list. */
export function ListFormModal({ opened, onClose, list, onCreated }: Props) {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const create = useCreateList();
  const update = useUpdateList(list?.id ?? '');
  const form = useForm<Required<ListInput>>({
    initialValues: {
      name: list?.name ?? '',
      description: list?.description ?? '',
      isPublic: list?.isPublic ?? false,
    },
    validate: { name: (value) => (value.trim() ? null : tc('fieldErrors.required')) },
  });

  const submit = form.onSubmit(async (values) => {
    const input = { ...values, name: values.name.trim(), description: values.description.trim() };
    try {
      if (list) {
        await update.mutateAsync(input);
        notifications.show({ color: 'teal', message: tc('common.saved') });
      } else {
        const created = await create.mutateAsync(input);
        notifications.show({ color: 'teal', message: t('listForm.created') });
        form.reset();
        onCreated?.(created);
      }
      onClose();
    } catch (error) {
      showFormError(tc, form, error, { knownFields: ['name', 'description', 'isPublic'] });
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={list ? t('listForm.editTitle') : t('listForm.createTitle')}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('listForm.name')}
            placeholder={t('listForm.namePlaceholder')}
            required
            maxLength={campaignLimits.listName}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Textarea
            label={t('listForm.description')}
            description={t('listForm.descriptionHint')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            {...form.getInputProps('description')}
          />
          <Switch
            label={t('listForm.isPublic')}
            description={t('listForm.isPublicHint')}
            {...form.getInputProps('isPublic', { type: 'checkbox' })}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {list ? tc('common.save') : t('listForm.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
