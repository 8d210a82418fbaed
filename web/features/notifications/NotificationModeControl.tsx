import { SegmentedControl } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type NotificationMode, notificationModes } from '../../../shared/stories.ts';
import { api } from '../../app/api.ts';
import { meQueryKey, useMe } from '../../app/auth.ts';
import { notifyError, notifySaved } from '../../app/errors.ts';
import type { Me } from '../../app/types.ts';
import { useStoriesT } from '../stories/i18n.ts';

type MeWithMode = Me & { notificationMode?: NotificationMode };

/** How the signed-in person gets notifications by email: immediately, a daily digest, or not at all. */
export function NotificationModeControl() {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const me = useMe() as MeWithMode | null;
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (mode: NotificationMode) => api.patch(`/api/people/${me?.id}`, { notificationMode: mode }),
    onMutate: (mode) => {
      queryClient.setQueryData<MeWithMode | null>(meQueryKey, (old) =>
        old ? { ...old, notificationMode: mode } : old,
      );
    },
    onSuccess: () => notifySaved(tc),
    onError: (error) => {
      notifyError(tc, error);
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
  if (!me) return null;
  return (
    <SegmentedControl
      aria-label={t('notifications.mode.title')}
      value={me.notificationMode ?? 'immediate'}
      onChange={(value) => save.mutate(value as NotificationMode)}
      data={notificationModes.map((mode) => ({ value: mode, label: t(`notifications.mode.${mode}`) }))}
      disabled={save.isPending}
    />
  );
}
