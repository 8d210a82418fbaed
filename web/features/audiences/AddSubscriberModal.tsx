import { Alert, Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { showFormError } from '../../app/errors.ts';
import { useCampaignsT } from '../campaigns/i18n.ts';
import type { SubscriberInput } from '../campaigns/types.ts';
import { useAddSubscriber } from './api.ts';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One person, active at once: the cell vouches for the consent. */
export function AddSubscriberModal({
  listId,
  opened,
  onClose,
}: {
  listId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useCampaignsT();
  const { t: tc } = useTranslation();
  const add = useAddSubscriber(listId);
  const form = useForm<Required<SubscriberInput>>({
    initialValues: { email: '', firstName: '', lastName: '', organisation: '' },
    validate: {
      email: (value) =>
        !value.trim()
          ? tc('fieldErrors.required')
          : emailPattern.test(value.trim())
            ? null
            : tc('fieldErrors.email'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    const input: SubscriberInput = { email: values.email.trim() };
    for (const key of ['firstName', 'lastName', 'organisation'] as const) {
      if (values[key].trim()) input[key] = values[key].trim();
    }
    try {
      const subscriber = await add.mutateAsync(input);
      notifications.show({ color: 'teal', message: t('addForm.added', { email: subscriber.email }) });
      form.reset();
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        form.setErrors({
          email: /unsubscribed/i.test(`${error.message} ${error.fields.email ?? ''}`)
            ? t('addForm.unsubscribed')
            : t('addForm.alreadyActive'),
        });
        return;
      }
      showFormError(tc, form, error, { knownFields: ['email', 'firstName', 'lastName', 'organisation'] });
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('addForm.title')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('common.email')}
            type="email"
            required
            maxLength={120}
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('email')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('common.firstName')} maxLength={120} {...form.getInputProps('firstName')} />
            <TextInput label={t('common.lastName')} maxLength={120} {...form.getInputProps('lastName')} />
          </SimpleGrid>
          <TextInput
            label={t('common.organisation')}
            maxLength={120}
            {...form.getInputProps('organisation')}
          />
          <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
            {t('addForm.consent')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('addForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
