import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import { Alert, Box, Button, Card, Chip, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconSend } from '@tabler/icons-react';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type RequestKind, requestKinds, requestTargetModes } from '../../../shared/requests.ts';
import { useMe } from '../../app/auth.ts';
import { showFormError } from '../../app/errors.ts';
import { currentLocale } from '../../app/i18n.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { EmptyState } from '../../shared/States.tsx';
import { MarkupEditor } from '../stories/form/MarkupEditor.tsx';
import { markupToHtml } from '../stories/form/markup.ts';
import { UnsavedChangesGuard } from '../stories/form/UnsavedChangesGuard.tsx';
import { useCreateRequest } from './api.ts';
import { kindIcons } from './badges.tsx';
import {
  DeadlineField,
  deadlineInstant,
  defaultDeadline,
  defaultReminders,
  RemindersField,
} from './form/DeadlineField.tsx';
import { emptyTargets, TargetsField, type TargetsValue, targetsInput } from './form/TargetsField.tsx';
import { useRequestsT } from './i18n.ts';
import type { DeadlineInput } from './types.ts';

type Values = {
  kind: RequestKind | '';
  title: string;
  body: string;
  targets: TargetsValue;
  deadline: DeadlineInput;
  reminderDays: number[];
};

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card component="section" aria-labelledby={id} padding="lg">
      <Title order={2} fz="lg" id={id} mb="md">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}

/** Ask the labs for something by a deadline: kind, title, text, recipients, deadline and reminders. */
export default function NewRequestPage() {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateRequest();
  const isSent = useRef(false);
  const has = (role: string) => me?.roles.some((grant) => grant.role === role) ?? false;
  const isOfficerOnly = has('dr_officer') && !has('cell') && !has('admin');
  const officerDelegation = isOfficerOnly
    ? me?.roles.find((grant) => grant.role === 'dr_officer')?.delegation?.id
    : undefined;
  const goesThroughCell = has('dircom') && !has('cell') && !has('admin') && !has('dr_officer');

  const form = useForm<Values>({
    initialValues: {
      kind: '',
      title: '',
      body: '',
      targets: officerDelegation
        ? { ...emptyTargets, targetMode: 'delegation', delegationId: officerDelegation }
        : emptyTargets,
      deadline: defaultDeadline(),
      reminderDays: defaultReminders,
    },
    validate: {
      kind: (value) => (value ? null : tc('fieldErrors.required')),
      title: (value) => (value.trim() ? null : tc('fieldErrors.required')),
      targets: {
        delegationId: (value, values) =>
          values.targets.targetMode === 'delegation' && !value ? tc('fieldErrors.required') : null,
        labIds: (value, values) =>
          values.targets.targetMode === 'labs' && value.length === 0 ? tc('fieldErrors.required') : null,
        personIds: (value, values) =>
          values.targets.targetMode === 'people' && value.length === 0 ? tc('fieldErrors.required') : null,
      },
      deadline: {
        date: (value, values) => {
          if (!value) return tc('fieldErrors.required');
          const instant = deadlineInstant(values.deadline);
          return instant && Date.parse(instant) <= Date.now() ? t('deadlineField.past') : null;
        },
        time: (value) => (/^\d{2}:\d{2}$/.test(value) ? null : tc('fieldErrors.required')),
      },
    },
  });

  if (me && !(me.abilities as Record<string, boolean | undefined>).askLabs) {
    return (
      <>
        <PageHeader title={t('form.title')} breadcrumbs={[{ label: t('nav.requests'), to: '/requests' }]} />
        <EmptyState title={tc('errors.forbidden')} />
      </>
    );
  }

  const submit = form.onSubmit(async (values) => {
    try {
      const created = await create.mutateAsync({
        kind: values.kind as RequestKind,
        title: values.title.trim(),
        bodyHtml: values.body.trim() ? markupToHtml(values.body) : undefined,
        deadline: values.deadline,
        reminderDays: values.reminderDays,
        ...targetsInput(values.targets),
      });
      isSent.current = true;
      notifications.show({ color: 'teal', message: t('form.created') });
      navigate(`/requests/${created.id}`);
    } catch (error) {
      showFormError(tc, form, error, {
        fieldMap: {
          targetMode: 'targets.targetMode',
          delegationId: 'targets.delegationId',
          labIds: 'targets.labIds',
          personIds: 'targets.personIds',
          bodyHtml: 'body',
        },
      });
    }
  });
  const values = form.values;
  const error = (path: string) => (form.errors[path] as string | undefined) ?? null;

  return (
    <DatesProvider settings={{ locale: currentLocale() === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
      <UnsavedChangesGuard isDirty={() => !isSent.current && form.isDirty()} />
      <PageHeader
        title={t('form.title')}
        description={t('form.description')}
        breadcrumbs={[{ label: t('nav.requests'), to: '/requests' }]}
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg" maw={860}>
          {goesThroughCell && (
            <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t('form.throughCell')}
            </Alert>
          )}
          <Section title={t('form.kind')} id="kind-title">
            <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
              <Text component="legend" className="sr-only">
                {t('form.kind')}
              </Text>
              <Chip.Group
                value={values.kind}
                onChange={(kind) => form.setFieldValue('kind', kind as RequestKind)}
              >
                <Group gap={8}>
                  {requestKinds.map((kind) => {
                    const Icon = kindIcons[kind];
                    return (
                      <Chip key={kind} value={kind} variant="outline" icon={<Icon size={14} aria-hidden />}>
                        {t(`kinds.${kind}`)}
                      </Chip>
                    );
                  })}
                </Group>
              </Chip.Group>
              {error('kind') && (
                <Text size="xs" c="red.8" mt={6} role="alert">
                  {error('kind')}
                </Text>
              )}
            </Box>
            <TextInput
              label={t('form.titleLabel')}
              placeholder={t('form.titlePlaceholder')}
              required
              maxLength={200}
              {...form.getInputProps('title')}
            />
            <MarkupEditor
              label={t('form.body')}
              description={t('form.bodyHint')}
              value={values.body}
              onChange={(body) => form.setFieldValue('body', body)}
              error={error('body')}
              maxLength={20_000}
            />
          </Section>
          <Section title={t('form.targets')} id="targets-title">
            <TargetsField
              value={values.targets}
              onChange={(targets) => form.setFieldValue('targets', targets)}
              onlyDelegationId={officerDelegation}
              modes={officerDelegation ? requestTargetModes.filter((mode) => mode !== 'all_labs') : undefined}
              errors={{
                targetMode: error('targets.targetMode'),
                delegationId: error('targets.delegationId'),
                labIds: error('targets.labIds'),
                personIds: error('targets.personIds'),
              }}
            />
          </Section>
          <Section title={t('form.deadlineSection')} id="deadline-title">
            <DeadlineField
              value={values.deadline}
              onChange={(deadline) => form.setFieldValue('deadline', deadline)}
              errors={{
                date: error('deadline.date') ?? error('deadline'),
                time: error('deadline.time'),
                timeZone: error('deadline.timeZone'),
              }}
            />
            <RemindersField
              value={values.reminderDays}
              onChange={(days) => form.setFieldValue('reminderDays', days)}
            />
          </Section>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => navigate('/requests')}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} leftSection={<IconSend size={16} aria-hidden />}>
              {goesThroughCell ? t('form.submitToCell') : t('form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}
