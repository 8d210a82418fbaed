import { Alert, Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useMe } from '../../app/auth.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { PageSkeleton } from '../../shared/States.tsx';
import { useInvalidateStories, useSaveStory, useStory } from './api.ts';
import { showStoryFormError } from './form/errors.ts';
import { StoryForm, type SubmitIntent } from './form/StoryForm.tsx';
import { knownFields, toInput } from './form/values.ts';
import { useStoriesT } from './i18n.ts';
import { StoryNotFound } from './StoryNotFound.tsx';
import type { Story } from './types.ts';

/** A long title, cut at a word for a breadcrumb. */
const shorten = (text: string, max: number) =>
  text.length <= max
    ? text
    : `${text.slice(0, text.lastIndexOf(' ', max - 1) > 20 ? text.lastIndexOf(' ', max - 1) : max - 1)}…`;

function StoryEditor({ story }: { story: Story | null }) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const save = useSaveStory(story?.id ?? null);
  const invalidate = useInvalidateStories();
  const [isSaving, setSaving] = useState<SubmitIntent | null>(null);
  const defaultLabIds = (me?.roles ?? []).flatMap((grant) =>
    grant.role === 'correspondent' && grant.lab ? [grant.lab.id] : [],
  );
  // A new story is written by its lab side, who may submit it; an existing one says so itself.
  const canSubmit = story ? (story.abilities.submit ?? false) : defaultLabIds.length > 0;
  const backTo = story ? `/stories/${story.id}` : '/stories';

  return (
    <StoryForm
      key={story?.id ?? 'new'}
      story={story}
      defaultLabIds={defaultLabIds.slice(0, 1)}
      canSubmit={canSubmit}
      isSaving={isSaving}
      onCancel={() => navigate(backTo)}
      onSubmit={async (values, intent, { form, allowLeave }) => {
        setSaving(intent);
        try {
          const saved = await save.mutateAsync(toInput(values));
          if (intent === 'submit' && saved.abilities.submit) {
            await api.post<Story>(`/api/stories/${saved.id}/submit`);
            await invalidate();
            notifications.show({ color: 'teal', message: t('form.submitted') });
            allowLeave();
            navigate(`/stories/${saved.id}`);
            return;
          }
          notifications.show({ color: 'teal', message: story ? tc('common.saved') : t('form.created') });
          form.resetDirty(values);
          if (!story) {
            allowLeave();
            navigate(`/stories/${saved.id}/edit`, { replace: true });
          }
        } catch (error) {
          showStoryFormError(tc, form, error, knownFields(values));
        } finally {
          setSaving(null);
        }
      }}
    />
  );
}

export function NewStoryPage() {
  const t = useStoriesT();
  return (
    <>
      <PageHeader
        title={t('form.newTitle')}
        description={t('form.newDescription')}
        breadcrumbs={[{ label: t('list.title'), to: '/stories' }]}
      />
      <StoryEditor story={null} />
    </>
  );
}

export function EditStoryPage() {
  const t = useStoriesT();
  const { id = '' } = useParams();
  const story = useStory(id);
  if (story.isPending) return <PageSkeleton />;
  if (story.isError) return <StoryNotFound error={story.error} onRetry={() => void story.refetch()} />;
  const data = story.data;
  return (
    <>
      <PageHeader
        title={t('form.editTitle')}
        documentTitle={`${t('form.editTitle')} — ${data.title}`}
        description={data.title}
        breadcrumbs={[
          { label: t('list.title'), to: '/stories' },
          { label: shorten(data.title, 48), to: `/stories/${data.id}` },
        ]}
      />
      {data.abilities.update ? (
        <StoryEditor story={data} />
      ) : (
        <Alert color="gray" icon={<IconLock size={18} aria-hidden />} title={t('form.notEditable')}>
          <Button component={Link} to={`/stories/${data.id}`} variant="default" mt="sm">
            {t('page.backToStory')}
          </Button>
        </Alert>
      )}
    </>
  );
}
