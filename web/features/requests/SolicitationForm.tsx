import '@mantine/dates/styles.css';
import {
  Button,
  type ButtonProps,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconEar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth.ts';
import { showFormError } from '../../app/errors.ts';
import { currentLocale } from '../../app/i18n.ts';
import { useRecordSolicitation } from './api.ts';
import { PersonPicker } from './form/PersonPicker.tsx';
import { useRequestsT } from './i18n.ts';

type Values = {
  labId: string;
  requesterOrganisation: string;
  requesterName: string;
  contactedOn: string;
  contactedPersonId: string | null;
  subject: string;
  asked: string;
};

/** The labs this person is correspondent of. */
function useCorrespondentLabs() {
  const me = useMe();
  const labs = (me?.roles ?? []).flatMap((grant) =>
    grant.role === 'correspondent' && grant.lab ? [grant.lab] : [],
  );
  return labs.filter((lab, index) => labs.findIndex((other) => other.id === lab.id) === index);
}

/** Who contacted the lab directly, when, about what: a few fields, the cell is told. */
export function SolicitationForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const labs = useCorrespondentLabs();
  const record = useRecordSolicitation();
  const form = useForm<Values>({
    initialValues: {
      labId: labs[0]?.id ?? '',
      requesterOrganisation: '',
      requesterName: '',
      contactedOn: dayjs().format('YYYY-MM-DD'),
      contactedPersonId: null,
      subject: '',
      asked: '',
    },
    validate: {
      requesterOrganisation: (value) => (value.trim() ? null : tc('fieldErrors.required')),
      subject: (value) => (value.trim() ? null : tc('fieldErrors.required')),
      labId: (value) => (value ? null : tc('fieldErrors.required')),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await record.mutateAsync({
        labId: values.labId || undefined,
        requesterOrganisation: values.requesterOrganisation.trim(),
        requesterName: values.requesterName.trim() || undefined,
        contactedOn: values.contactedOn || undefined,
        contactedPersonId: values.contactedPersonId,
        subject: values.subject.trim(),
        asked: values.asked.trim() || undefined,
      });
      notifications.show({ color: 'teal', message: t('solicitations.recorded') });
      form.reset();
      onDone();
    } catch (error) {
      showFormError(tc, form, error);
    }
  });
  return (
    <DatesProvider settings={{ locale: currentLocale() === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('solicitations.recordIntro')}
          </Text>
          {labs.length > 1 && (
            <Select
              label={t('solicitations.lab')}
              data={labs.map((lab) => ({ value: lab.id, label: lab.acronym }))}
              required
              allowDeselect={false}
              {...form.getInputProps('labId')}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('solicitations.organisation')}
              placeholder={t('solicitations.organisationPlaceholder')}
              required
              maxLength={200}
              data-autofocus
              {...form.getInputProps('requesterOrganisation')}
            />
            <TextInput
              label={t('solicitations.requesterName')}
              maxLength={120}
              {...form.getInputProps('requesterName')}
            />
          </SimpleGrid>
          <TextInput
            label={t('solicitations.subject')}
            placeholder={t('solicitations.subjectPlaceholder')}
            required
            maxLength={200}
            {...form.getInputProps('subject')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DatePickerInput
              label={t('solicitations.contactedOn')}
              valueFormat="D MMMM YYYY"
              maxDate={dayjs().format('YYYY-MM-DD')}
              value={form.values.contactedOn || null}
              onChange={(date) => form.setFieldValue('contactedOn', date ?? '')}
              error={form.errors.contactedOn}
            />
            <PersonPicker
              label={t('solicitations.contacted')}
              placeholder={t('solicitations.contactedPlaceholder')}
              lab={form.values.labId || undefined}
              value={form.values.contactedPersonId}
              onChange={(id) => form.setFieldValue('contactedPersonId', id)}
              error={(form.errors.contactedPersonId as string | undefined) ?? null}
            />
          </SimpleGrid>
          <Textarea
            label={t('solicitations.asked')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={4000}
            {...form.getInputProps('asked')}
          />
          <Stack gap="xs" mt="xs" style={{ flexDirection: 'row', justifyContent: 'flex-end' }}>
            <Button variant="default" onClick={onCancel}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('solicitations.submit')}
            </Button>
          </Stack>
        </Stack>
      </form>
    </DatesProvider>
  );
}

/** "Signaler une sollicitation": the form in a dialog, from any page. */
export function RecordSolicitationButton(props: ButtonProps) {
  const t = useRequestsT();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconEar size={18} aria-hidden />} onClick={open} {...props}>
        {t('solicitations.record')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('solicitations.recordTitle')} size="lg" centered>
        <SolicitationForm onDone={close} onCancel={close} />
      </Modal>
    </>
  );
}
