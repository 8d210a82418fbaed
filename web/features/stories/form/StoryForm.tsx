import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import 'dayjs/locale/en-gb';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Chip,
  Grid,
  Group,
  MultiSelect,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconCheck, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../shared/limits.ts';
import { storyKinds } from '../../../../shared/stories.ts';
import { localized } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import { useLabs } from '../../labs/api.ts';
import { useChannels } from '../api.ts';
import { kindIcons } from '../badges.tsx';
import { useStoriesT } from '../i18n.ts';
import classes from '../stories.module.css';
import { projectSuggestions, tagOptions, themeSuggestions } from '../tags.ts';
import type { Channel, Story } from '../types.ts';
import { AttachmentsField } from './AttachmentsField.tsx';
import { EmbargoField } from './EmbargoField.tsx';
import { MarkupEditor } from './MarkupEditor.tsx';
import { LinksField, ResearchersField } from './RowsFields.tsx';
import { UnsavedChangesGuard } from './UnsavedChangesGuard.tsx';
import { initialValues, type StoryFormValues, summaryMax, titleMax } from './values.ts';

export type SubmitIntent = 'save' | 'submit';

type Props = {
  story: Story | null;
  defaultLabIds: string[];
  /** Shows "submit to the cell" next to "save". */
  canSubmit: boolean;
  isSaving: SubmitIntent | null;
  onSubmit: (values: StoryFormValues, intent: SubmitIntent, helpers: SubmitHelpers) => void;
  onCancel: () => void;
};

export type SubmitHelpers = {
  form: {
    setErrors: (errors: Record<string, string>) => void;
    resetDirty: (values?: StoryFormValues) => void;
  };
  /** Lets the next navigation through the unsaved-changes guard (after a save). */
  allowLeave: () => void;
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card component="section" id={id} aria-labelledby={`${id}-title`} p={{ base: 'md', sm: 'xl' }}>
      <Title order={2} id={`${id}-title`} fz="lg" mb="md">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}

const sectionIds = ['essentials', 'body', 'context', 'people', 'diffusion', 'attachments'] as const;

const urlPattern = /^https?:\/\/\S+$/i;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Channels a lab may propose: the institute's, the national ones, and the regional ones of its labs. */
function proposableChannels(channels: Channel[], delegationIds: Set<string>, chosen: string[]): Channel[] {
  return channels.filter(
    (channel) =>
      chosen.includes(channel.slug) ||
      (channel.isActive &&
        (channel.scope !== 'regional' || (channel.delegation && delegationIds.has(channel.delegation.id)))),
  );
}

/** The full story form: essentials, text, date and labs, people and links, channels, embargo, files. */
export function StoryForm({ story, defaultLabIds, canSubmit, isSaving, onSubmit, onCancel }: Props) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const labs = useLabs();
  const channels = useChannels();
  const required = t('form.required');

  const form = useForm<StoryFormValues>({
    initialValues: initialValues(story, defaultLabIds),
    validate: {
      title: (value) => (value.trim() ? null : required),
      labIds: (value) => (value.length > 0 ? null : required),
      eventEndDate: (value, values) =>
        values.isPeriod && values.eventDate && value && value < values.eventDate
          ? t('form.endBeforeStart')
          : null,
      researchers: {
        name: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          return !value.trim() && values.researchers[index]?.email.trim() ? required : null;
        },
        email: (value) => (value.trim() && !emailPattern.test(value.trim()) ? tc('fieldErrors.email') : null),
      },
      links: {
        url: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          if (!value.trim()) return values.links[index]?.label.trim() ? required : null;
          return urlPattern.test(value.trim()) ? null : tc('fieldErrors.url');
        },
      },
      embargo: {
        date: (value, values) => (values.embargo.isOn && !value ? required : null),
        time: (value, values) =>
          values.embargo.isOn && !/^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? required : null,
      },
    },
  });
  const isLeaveAllowed = useRef(false);
  const allowLeave = () => {
    isLeaveAllowed.current = true;
  };

  const values = form.getValues();
  const labItems = [...(labs.data?.items ?? [])].sort((a, b) => a.acronym.localeCompare(b.acronym));
  const labById = new Map(labItems.map((lab) => [lab.id, lab]));
  const delegationIds = new Set(
    values.labIds.flatMap((id) => {
      const delegation = labById.get(id)?.delegation;
      return delegation ? [delegation.id] : [];
    }),
  );
  const channelItems = proposableChannels(channels.data?.items ?? [], delegationIds, values.proposedChannels);
  const scopes = ['institute', 'national', 'regional', 'other'] as const;
  const originating = labById.get(values.labIds[0] ?? '');
  const embargoErrors = {
    date: form.errors['embargo.date'] as string | undefined,
    time: form.errors['embargo.time'] as string | undefined,
    timeZone: form.errors['embargo.timeZone'] as string | undefined,
  };

  return (
    <DatesProvider settings={{ locale: locale === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
      <UnsavedChangesGuard isDirty={() => !isLeaveAllowed.current && form.isDirty()} />
      <form
        noValidate
        onSubmit={form.onSubmit(
          (submitted, event) => {
            const submitter = (event?.nativeEvent as SubmitEvent | undefined)?.submitter;
            const intent: SubmitIntent = submitter?.getAttribute('value') === 'submit' ? 'submit' : 'save';
            onSubmit(submitted, intent, { form, allowLeave });
          },
          () => {
            requestAnimationFrame(() => {
              document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
            });
          },
        )}
      >
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 9 }}>
            <Stack gap="lg">
              <Section id="essentials" title={t('form.sections.essentials')}>
                <Radio.Group
                  label={t('form.kind')}
                  value={values.kind}
                  onChange={(kind) => form.setFieldValue('kind', kind as StoryFormValues['kind'])}
                  withAsterisk
                >
                  <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt={8}>
                    {storyKinds.map((kind) => {
                      const Icon = kindIcons[kind];
                      return (
                        <Radio.Card key={kind} value={kind} radius="md" p="sm" className={classes.kindCard}>
                          <Group gap="xs" wrap="nowrap">
                            <Radio.Indicator size="xs" />
                            <Icon size={18} aria-hidden color="var(--mantine-color-relais-7)" />
                            <Text size="sm" fw={500} lh={1.2}>
                              {t(`kinds.${kind}`)}
                            </Text>
                          </Group>
                        </Radio.Card>
                      );
                    })}
                  </SimpleGrid>
                </Radio.Group>
                <TextInput
                  label={t('form.title')}
                  placeholder={t('form.titlePlaceholder')}
                  required
                  maxLength={titleMax}
                  {...form.getInputProps('title')}
                />
                <Box>
                  <Textarea
                    label={t('form.summary')}
                    description={t('form.summaryHint')}
                    autosize
                    minRows={3}
                    maxLength={summaryMax}
                    {...form.getInputProps('summary')}
                    aria-describedby="summary-counter"
                  />
                  <Text
                    id="summary-counter"
                    size="xs"
                    ta="right"
                    mt={4}
                    c={values.summary.length > summaryMax - 40 ? 'orange.9' : 'dimmed'}
                  >
                    {t('form.counter', { count: values.summary.length, max: summaryMax })}
                  </Text>
                </Box>
              </Section>

              <Section id="body" title={t('form.sections.body')}>
                <MarkupEditor
                  label={t('form.body')}
                  description={t('form.bodyHint')}
                  value={values.body}
                  onChange={(body) => form.setFieldValue('body', body)}
                  error={form.errors.body ?? form.errors.bodyHtml}
                  maxLength={60_000}
                />
              </Section>

              <Section id="context" title={t('form.sections.context')}>
                <Stack gap="xs">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <DatePickerInput
                      label={t('form.eventDate')}
                      description={t('form.eventHint')}
                      valueFormat="D MMMM YYYY"
                      clearable
                      clearButtonProps={{ 'aria-label': t('clear') }}
                      {...form.getInputProps('eventDate')}
                    />
                    {values.isPeriod && (
                      <DatePickerInput
                        label={t('form.eventEndDate')}
                        description={'\u00a0'}
                        valueFormat="D MMMM YYYY"
                        clearable
                        clearButtonProps={{ 'aria-label': t('clear') }}
                        minDate={values.eventDate ?? undefined}
                        {...form.getInputProps('eventEndDate')}
                      />
                    )}
                  </SimpleGrid>
                  <Switch
                    label={t('form.isPeriod')}
                    {...form.getInputProps('isPeriod', { type: 'checkbox' })}
                  />
                </Stack>
                <MultiSelect
                  label={t('form.labs')}
                  description={
                    originating
                      ? `${t('form.labsHint')} (${t('form.originating')}\u00a0: ${originating.acronym})`
                      : t('form.labsHint')
                  }
                  data={labItems.map((lab) => ({ value: lab.id, label: `${lab.acronym} — ${lab.city}` }))}
                  searchable
                  required
                  maxValues={20}
                  nothingFoundMessage={tc('common.nothingFound')}
                  {...form.getInputProps('labIds')}
                />
                <TagsInput
                  label={t('form.themes')}
                  description={t('form.tagsHint')}
                  data={tagOptions(themeSuggestions, values.themes)}
                  maxTags={limits.listItems}
                  clearable
                  clearButtonProps={{ 'aria-label': t('clear') }}
                  {...form.getInputProps('themes')}
                />
                <TagsInput
                  label={t('form.projects')}
                  description={t('form.tagsHint')}
                  data={tagOptions(projectSuggestions, values.projects)}
                  maxTags={limits.listItems}
                  clearable
                  clearButtonProps={{ 'aria-label': t('clear') }}
                  {...form.getInputProps('projects')}
                />
              </Section>

              <Section id="people" title={t('form.sections.people')}>
                <ResearchersField form={form} />
                <LinksField form={form} />
              </Section>

              <Section id="diffusion" title={t('form.sections.diffusion')}>
                <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
                  <Box component="legend" p={0} mb={8}>
                    <Text size="sm" fw={500}>
                      {t('form.channels')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('form.channelsHint')}
                    </Text>
                  </Box>
                  <Chip.Group
                    multiple
                    value={values.proposedChannels}
                    onChange={(value) => form.setFieldValue('proposedChannels', value)}
                  >
                    <Stack gap="sm">
                      {scopes.map((scope) => {
                        const inScope = channelItems.filter((channel) =>
                          scope === 'other'
                            ? !['institute', 'national', 'regional'].includes(channel.scope)
                            : channel.scope === scope,
                        );
                        if (inScope.length === 0) return null;
                        return (
                          <div key={scope}>
                            <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.4} mb={6}>
                              {t(`scopes.${scope}`)}
                            </Text>
                            <Group gap={6}>
                              {inScope.map((channel) => (
                                <Chip
                                  key={channel.id}
                                  value={channel.slug}
                                  size="sm"
                                  variant="outline"
                                  className={classes.wrapChip}
                                >
                                  {localized(channel.name, locale)}
                                </Chip>
                              ))}
                            </Group>
                          </div>
                        );
                      })}
                    </Stack>
                  </Chip.Group>
                </Box>
                <EmbargoField
                  value={values.embargo}
                  onChange={(embargo) => form.setFieldValue('embargo', embargo)}
                  errors={embargoErrors}
                />
              </Section>

              <Section id="attachments" title={t('form.sections.attachments')}>
                {story ? (
                  <AttachmentsField storyId={story.id} canUpload={story.abilities.update ?? false} />
                ) : (
                  <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
                    {t('form.attachmentsAfterSave')}
                  </Alert>
                )}
              </Section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }} visibleFrom="md">
            <Box component="nav" aria-label={t('form.contents')} style={{ position: 'sticky', top: 88 }}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" lts={0.4} mb="xs">
                {t('form.contents')}
              </Text>
              <Stack gap={2}>
                {sectionIds.map((id) => (
                  <Anchor key={id} href={`#${id}`} size="sm" c="gray.8" py={4}>
                    {t(`form.sections.${id}`)}
                  </Anchor>
                ))}
              </Stack>
            </Box>
          </Grid.Col>
        </Grid>

        <Group className={classes.actionBar} justify="flex-end" gap="sm" mt="lg">
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
          <Button
            type="submit"
            name="intent"
            value="save"
            variant={canSubmit ? 'default' : 'filled'}
            leftSection={<IconCheck size={16} aria-hidden />}
            loading={isSaving === 'save'}
            disabled={isSaving === 'submit'}
          >
            {!story || story.state === 'draft' || story.state === 'changes_requested'
              ? t('form.saveDraft')
              : t('form.save')}
          </Button>
          {canSubmit && (
            <Button
              type="submit"
              name="intent"
              value="submit"
              leftSection={<IconSend size={16} aria-hidden />}
              loading={isSaving === 'submit'}
              disabled={isSaving === 'save'}
            >
              {t('form.submit')}
            </Button>
          )}
        </Group>
      </form>
    </DatesProvider>
  );
}
