import {
  ActionIcon,
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconClockExclamation,
  IconMoodEmpty,
  IconPaperclip,
  IconPlus,
  IconSend,
  IconTrash,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerKind } from '../../../../shared/requests.ts';
import { ApiError, api } from '../../../app/api.ts';
import { errorMessage, translateFieldMessage } from '../../../app/errors.ts';
import { storiesPath } from '../../stories/api.ts';
import type { StoriesPage } from '../../stories/types.ts';
import { useAddAnswer, useUploadAnswerFile } from '../api.ts';
import { PersonPicker } from '../form/PersonPicker.tsx';
import { useRequestsT } from '../i18n.ts';
import type { RequestDetail } from '../types.ts';
import { useReportActionError } from './ActionBar.tsx';

type Link = { label: string; url: string };

function StoriesPicker({
  value,
  onChange,
  lab,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  lab?: string;
}) {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const known = useRef(new Map<string, string>());
  const stories = useQuery({
    queryKey: ['stories', { q: debounced, lab, limit: 10, picker: true }],
    queryFn: () => api.get<StoriesPage>(storiesPath({ q: debounced || undefined, lab, limit: 10 })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  for (const story of stories.data?.items ?? []) known.current.set(story.id, story.title);
  const data = [
    ...value.map((id) => ({ value: id, label: known.current.get(id) ?? id })),
    ...(stories.data?.items ?? [])
      .filter((story) => !value.includes(story.id))
      .map((story) => ({ value: story.id, label: story.title })),
  ];
  return (
    <MultiSelect
      label={t('answerForm.stories')}
      placeholder={value.length === 0 ? t('answerForm.storiesPlaceholder') : undefined}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      maxValues={20}
      nothingFoundMessage={tc('common.nothingFound')}
    />
  );
}

/** A correspondent answers for their lab: something (text, expert, stories, links, files) or "nothing this time". */
export function AnswerForm({ request }: { request: RequestDetail }) {
  const t = useRequestsT();
  const { t: tc } = useTranslation();
  const add = useAddAnswer(request.id);
  const upload = useUploadAnswerFile(request.id);
  const report = useReportActionError(request.id);
  const labs = request.myLabs.map((item) => item.lab);
  const [labId, setLabId] = useState<string>(labs[0]?.id ?? '');
  const [kind, setKind] = useState<AnswerKind>('content');
  const [body, setBody] = useState('');
  const [expertId, setExpertId] = useState<string | null>(null);
  const [storyIds, setStoryIds] = useState<string[]>([]);
  const [links, setLinks] = useState<Link[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);
  const lab = labs.find((item) => item.id === labId) ?? labs[0];
  const mine = request.myLabs.find((item) => item.lab.id === lab?.id);
  const hasAnswered = mine && (mine.state === 'answered' || mine.state === 'declined');
  const isContent = kind === 'content';

  const reset = () => {
    setBody('');
    setExpertId(null);
    setStoryIds([]);
    setLinks([]);
    setFiles([]);
    setErrors({});
  };

  const submit = async () => {
    const usefulLinks = links.filter((link) => link.url.trim());
    if (isContent && !body.trim() && !expertId && storyIds.length === 0 && usefulLinks.length === 0) {
      setErrors({ body: t('answerForm.needsSomething') });
      return;
    }
    setBusy(true);
    try {
      const result = await add.mutateAsync({
        labId: labs.length > 1 ? lab?.id : undefined,
        kind,
        body: body.trim() || undefined,
        ...(isContent
          ? {
              expertPersonId: expertId,
              storyIds,
              links: usefulLinks.map((link) => ({ label: link.label.trim(), url: link.url.trim() })),
            }
          : {}),
      });
      for (const file of isContent ? files : []) {
        try {
          await upload.mutateAsync({ answerId: result.answerId, file });
        } catch (error) {
          notifications.show({
            color: 'red',
            message: t('answerForm.fileFailed', { name: file.name, error: errorMessage(tc, error) }),
            autoClose: false,
          });
        }
      }
      notifications.show({
        color: 'teal',
        message: isContent ? t('answerForm.sent') : t('answerForm.sentNothing'),
      });
      reset();
      setKind('content');
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        const next: Record<string, string> = {};
        for (const [field, message] of Object.entries(error.fields)) {
          next[field.startsWith('links.') ? 'links' : field] =
            field === 'body' ? t('answerForm.needsSomething') : translateFieldMessage(tc, message);
        }
        setErrors(next);
      } else report(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card component="section" aria-labelledby="answer-form-title" padding="lg" withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <div>
            <Title order={2} fz="lg" id="answer-form-title">
              {labs.length === 1 && lab
                ? t('answerForm.title', { lab: lab.acronym })
                : t('answerForm.titleMany')}
            </Title>
            <Text size="sm" c="dimmed">
              {hasAnswered ? t('answerForm.answeredAlready') : t('answerForm.intro')}
            </Text>
          </div>
          {request.isOverdue && (
            <Alert color="orange" variant="light" icon={<IconClockExclamation aria-hidden />} p="sm">
              {t('answerForm.late')}
            </Alert>
          )}
          {labs.length > 1 && (
            <Select
              label={t('answerForm.lab')}
              data={labs.map((item) => ({ value: item.id, label: item.acronym }))}
              value={lab?.id ?? null}
              onChange={(value) => value && setLabId(value)}
              allowDeselect={false}
              error={errors.labId}
            />
          )}
          <div>
            <Text size="sm" fw={500} mb={4} id="answer-kind-label">
              {t('answerForm.kind')}
            </Text>
            <SegmentedControl
              fullWidth
              aria-labelledby="answer-kind-label"
              value={kind}
              onChange={(value) => {
                setKind(value as AnswerKind);
                setErrors({});
              }}
              data={[
                { value: 'content', label: t('answerForm.content') },
                { value: 'nothing', label: t('answerForm.nothing') },
              ]}
            />
          </div>
          <Textarea
            label={isContent ? t('answerForm.body') : t('answerForm.nothingBody')}
            placeholder={isContent ? t('answerForm.bodyPlaceholder') : t('answerForm.nothingPlaceholder')}
            value={body}
            onChange={(event) => {
              setBody(event.currentTarget.value);
              setErrors((current) => ({ ...current, body: '' }));
            }}
            error={errors.body || null}
            autosize
            minRows={isContent ? 4 : 2}
            maxRows={14}
            maxLength={20_000}
          />
          {isContent && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <PersonPicker
                  label={t('answerForm.expert')}
                  description={t('answerForm.expertHint')}
                  placeholder={t('answerForm.expertPlaceholder')}
                  value={expertId}
                  onChange={setExpertId}
                  error={errors.expertPersonId}
                />
                <StoriesPicker value={storyIds} onChange={setStoryIds} lab={lab?.id} />
              </SimpleGrid>
              <Stack gap={6}>
                <Text size="sm" fw={500}>
                  {t('answerForm.links')}
                </Text>
                {links.map((link, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows edited in place
                  <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                    <TextInput
                      label={t('answerForm.linkLabel')}
                      value={link.label}
                      onChange={(event) => {
                        const label = event.currentTarget.value;
                        setLinks((current) =>
                          current.map((item, i) => (i === index ? { ...item, label } : item)),
                        );
                      }}
                      maxLength={200}
                      style={{ flex: '1 1 40%' }}
                    />
                    <TextInput
                      label={t('answerForm.linkUrl')}
                      type="url"
                      value={link.url}
                      onChange={(event) => {
                        const url = event.currentTarget.value;
                        setLinks((current) =>
                          current.map((item, i) => (i === index ? { ...item, url } : item)),
                        );
                      }}
                      error={errors.links && index === 0 ? errors.links : undefined}
                      style={{ flex: '1 1 60%' }}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      mb={2}
                      aria-label={t('answerForm.removeLink', { index: index + 1 })}
                      onClick={() => setLinks((current) => current.filter((_, i) => i !== index))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                <div>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => setLinks((current) => [...current, { label: '', url: '' }])}
                    disabled={links.length >= 20}
                  >
                    {t('answerForm.addLink')}
                  </Button>
                </div>
              </Stack>
              <FileInput
                label={t('answerForm.files')}
                description={t('answerForm.filesHint')}
                placeholder={t('answerForm.filesPlaceholder')}
                leftSection={<IconPaperclip size={16} aria-hidden />}
                multiple
                clearable
                clearButtonProps={{ 'aria-label': t('clear') }}
                value={files}
                onChange={setFiles}
                accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp"
              />
            </>
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={isBusy}
              w={{ base: '100%', xs: 'auto' }}
              styles={{ label: { whiteSpace: 'normal' } }}
              color={isContent ? undefined : 'grape'}
              leftSection={
                isContent ? <IconSend size={16} aria-hidden /> : <IconMoodEmpty size={16} aria-hidden />
              }
            >
              {isContent ? t('answerForm.submit') : t('answerForm.submitNothing')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
