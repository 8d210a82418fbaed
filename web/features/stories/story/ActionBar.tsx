import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconCheck,
  IconEye,
  IconPencil,
  IconSend,
  IconShare,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { notifyError } from '../../../app/errors.ts';
import { ConfirmModal } from '../../../shared/ConfirmButton.tsx';
import { type StoryTransitionName, useDeleteStory, useStoryTransition } from '../api.ts';
import { useStoriesT } from '../i18n.ts';
import type { Story } from '../types.ts';
import { MessageModal } from './MessageModal.tsx';
import { RelayModal } from './RelayModal.tsx';

type Dialog = 'request-changes' | 'accept' | 'decline' | 'relay' | null;

/** What the viewer may do with the story, straight from its abilities. */
export function ActionBar({ story }: { story: Story }) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const transition = useStoryTransition(story.id);
  const deleteStory = useDeleteStory();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const close = () => setDialog(null);
  const { abilities } = story;

  const run = async (name: StoryTransitionName, done: string, message?: string) => {
    try {
      await transition.mutateAsync({ name, message });
      notifications.show({ color: 'teal', message: done });
    } catch (error) {
      notifyError(tc, error);
      throw error;
    }
  };
  const isBusy = (name: StoryTransitionName) => transition.isPending && transition.variables?.name === name;

  return (
    <>
      {abilities.update && (
        <Button
          component={Link}
          to={`/stories/${story.id}/edit`}
          variant="default"
          leftSection={<IconPencil size={16} aria-hidden />}
        >
          {t('actions.edit')}
        </Button>
      )}
      {abilities.delete && (
        <Button
          color="red"
          variant="light"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setConfirmingDelete(true)}
        >
          {t('actions.delete')}
        </Button>
      )}
      {abilities.submit && (
        <Button
          leftSection={<IconSend size={16} aria-hidden />}
          loading={isBusy('submit')}
          onClick={() => void run('submit', t('actions.submitted')).catch(() => undefined)}
        >
          {story.state === 'changes_requested' ? t('actions.resubmit') : t('actions.submit')}
        </Button>
      )}
      {abilities.review && (
        <Button
          variant="light"
          leftSection={<IconEye size={16} aria-hidden />}
          loading={isBusy('review')}
          onClick={() => void run('review', t('actions.reviewed')).catch(() => undefined)}
        >
          {t('actions.review')}
        </Button>
      )}
      {abilities.requestChanges && (
        <Button
          variant="light"
          color="orange"
          leftSection={<IconArrowBackUp size={16} aria-hidden />}
          onClick={() => setDialog('request-changes')}
        >
          {t('actions.requestChanges')}
        </Button>
      )}
      {abilities.decline && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconX size={16} aria-hidden />}
          onClick={() => setDialog('decline')}
        >
          {t('actions.decline')}
        </Button>
      )}
      {abilities.accept && (
        <Button
          color="teal.9"
          leftSection={<IconCheck size={16} aria-hidden />}
          onClick={() => setDialog('accept')}
        >
          {t('actions.accept')}
        </Button>
      )}
      {abilities.relay && (
        <Button leftSection={<IconShare size={16} aria-hidden />} onClick={() => setDialog('relay')}>
          {t('actions.relay')}
        </Button>
      )}

      <MessageModal
        opened={dialog === 'request-changes'}
        onClose={close}
        title={t('actions.requestChangesTitle')}
        text={t('actions.requestChangesText')}
        label={t('actions.message')}
        confirmLabel={t('actions.confirmRequestChanges')}
        isRequired
        onConfirm={(message) => run('request-changes', t('actions.changesRequested'), message)}
      />
      <MessageModal
        opened={dialog === 'accept'}
        onClose={close}
        title={t('actions.acceptTitle')}
        text={t('actions.acceptText')}
        label={t('actions.messageOptional')}
        confirmLabel={t('actions.confirmAccept')}
        color="teal.9"
        isRequired={false}
        onConfirm={(message) => run('accept', t('actions.accepted'), message || undefined)}
      />
      <MessageModal
        opened={dialog === 'decline'}
        onClose={close}
        title={t('actions.declineTitle')}
        text={t('actions.declineText')}
        label={t('actions.reason')}
        confirmLabel={t('actions.confirmDecline')}
        color="red.9"
        isRequired
        onConfirm={(message) => run('decline', t('actions.declined'), message)}
      />
      <ConfirmModal
        opened={isConfirmingDelete}
        onClose={() => setConfirmingDelete(false)}
        color="red.9"
        title={t('actions.deleteTitle')}
        message={t('actions.deleteText', { title: story.title })}
        confirmLabel={tc('common.delete')}
        onConfirm={() =>
          deleteStory.mutateAsync(story.id).then(
            () => {
              notifications.show({ color: 'teal', message: t('actions.deleted') });
              navigate('/stories?view=mine');
            },
            (error: unknown) => {
              notifyError(tc, error);
              throw error;
            },
          )
        }
      />
      {abilities.relay && <RelayModal story={story} opened={dialog === 'relay'} onClose={close} />}
    </>
  );
}
