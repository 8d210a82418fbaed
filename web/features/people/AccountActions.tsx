import { Button, Group } from '@mantine/core';
import { IconMailForward, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySaved } from '../../app/errors.ts';
import type { Person } from '../../app/types.ts';
import { ConfirmButton } from '../../shared/ConfirmButton.tsx';
import { type AccountAction, useDeletePerson, usePersonAction } from './api.ts';

/** Invite, disable, enable, delete: each shown only when the person's abilities allow it. */
export function AccountActions({ person, onDeleted }: { person: Person; onDeleted?: () => void }) {
  const { t } = useTranslation();
  const action = usePersonAction();
  const remove = useDeletePerson();
  const run = (kind: AccountAction, success: string) =>
    action.mutateAsync({ id: person.id, action: kind }).then(
      () => notifySaved(t, success),
      (error: unknown) => {
        notifyError(t, error);
        throw error;
      },
    );

  return (
    <Group gap="xs">
      {person.abilities.invite && (
        <Button
          variant="light"
          leftSection={<IconMailForward size={16} aria-hidden />}
          loading={action.isPending && action.variables?.action === 'invitation'}
          onClick={() =>
            void run('invitation', t('people.invitationSent', { email: person.email ?? '' })).catch(
              () => undefined,
            )
          }
        >
          {person.accountStatus === 'invited' ? t('people.resendInvitation') : t('people.sendInvitation')}
        </Button>
      )}
      {person.abilities.disable && (
        <ConfirmButton
          variant="light"
          color="orange"
          leftSection={<IconPlayerPause size={16} aria-hidden />}
          title={t('people.disableTitle', { name: person.name })}
          message={t('people.disableMessage')}
          confirmLabel={t('people.disable')}
          onConfirm={() => run('disable', t('people.disabled'))}
        >
          {t('people.disable')}
        </ConfirmButton>
      )}
      {person.abilities.enable && (
        <Button
          variant="light"
          color="teal"
          leftSection={<IconPlayerPlay size={16} aria-hidden />}
          loading={action.isPending && action.variables?.action === 'enable'}
          onClick={() => void run('enable', t('people.enabled')).catch(() => undefined)}
        >
          {t('people.enable')}
        </Button>
      )}
      {person.abilities.delete && (
        <ConfirmButton
          variant="light"
          leftSection={<IconTrash size={16} aria-hidden />}
          title={t('people.deleteTitle', { name: person.name })}
          message={t('people.deleteMessage')}
          confirmLabel={t('common.delete')}
          onConfirm={() =>
            remove.mutateAsync(person.id).then(
              () => {
                notifySaved(t, t('people.deleted'));
                onDeleted?.();
              },
              (error: unknown) => {
                notifyError(t, error);
                throw error;
              },
            )
          }
        >
          {t('common.delete')}
        </ConfirmButton>
      )}
    </Group>
  );
}
