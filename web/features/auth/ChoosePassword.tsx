import { Alert, Anchor, Button, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { limits } from '../../../shared/limits.ts';
import { ApiError } from '../../app/api.ts';
import { errorMessage, notifySaved, showFormError } from '../../app/errors.ts';
import { PasswordField } from '../../shared/PasswordField.tsx';
import { type LinkKind, useChoosePassword, useLinkOwner } from './api.ts';

type Props = { kind: LinkKind; token: string };

/** Reset and invitation links: check the link, choose a password (twice), then signed in. */
export function ChoosePassword({ kind, token }: Props) {
  const { t } = useTranslation();
  const isInvitation = kind === 'invitations';
  const title = isInvitation ? t('auth.invitationTitle') : t('auth.resetTitle');
  useDocumentTitle(`${title} · Relais`);
  const navigate = useNavigate();
  const owner = useLinkOwner(kind, token);
  const choose = useChoosePassword(kind, token);
  const form = useForm({
    initialValues: { password: '', confirmation: '' },
    validate: {
      password: (value) =>
        value.length < limits.password.min
          ? t('fieldErrors.minLength', { count: limits.password.min })
          : null,
      confirmation: (value, values) => (value !== values.password ? t('auth.passwordsDiffer') : null),
    },
  });

  if (owner.isPending) {
    return (
      <Stack maw={480} mx="auto" aria-busy="true">
        <Skeleton height={32} width="70%" />
        <Skeleton height={220} radius="lg" />
      </Stack>
    );
  }

  if (owner.isError) {
    const code = owner.error instanceof ApiError ? owner.error.code : '';
    return (
      <Stack maw={520} mx="auto" gap="lg">
        <Title order={1}>{title}</Title>
        <Alert color="orange" icon={<IconLinkOff aria-hidden />} title={t('auth.linkProblem')}>
          <Stack gap="sm">
            <Text size="sm">{errorMessage(t, owner.error)}</Text>
            <Text size="sm">{isInvitation ? t('auth.invitationWayForward') : t('auth.resetWayForward')}</Text>
          </Stack>
        </Alert>
        <Stack gap="xs" align="flex-start">
          {code !== 'account_disabled' && (
            <Button component={Link} to="/forgot">
              {t('auth.askNewLink')}
            </Button>
          )}
          <Anchor component={Link} to="/login" size="sm">
            {t('auth.backToSignIn')}
          </Anchor>
        </Stack>
      </Stack>
    );
  }

  const { firstName, email } = owner.data;
  return (
    <Stack maw={480} mx="auto" gap="lg">
      <div>
        <Title order={1}>{title}</Title>
        <Text c="dimmed" mt={6}>
          {isInvitation
            ? t('auth.invitationIntro', { name: firstName })
            : t('auth.resetIntro', { name: firstName })}
        </Text>
      </div>
      <Card p={{ base: 'lg', sm: 'xl' }} shadow="sm">
        <form
          noValidate
          onSubmit={form.onSubmit(async ({ password }) => {
            try {
              await choose.mutateAsync(password);
              notifySaved(
                t,
                isInvitation ? t('auth.welcome', { name: firstName }) : t('auth.passwordChanged'),
              );
              navigate('/', { replace: true });
            } catch (error) {
              showFormError(t, form, error, { knownFields: ['password'] });
            }
          })}
        >
          <Stack>
            {/* Lets password managers store the new password under the right account. */}
            <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
            <Text size="sm">
              {t('auth.account')} <strong>{email}</strong>
            </Text>
            <PasswordField
              label={t('auth.newPassword')}
              description={t('auth.passwordRule', { count: limits.password.min })}
              autoComplete="new-password"
              required
              withAsterisk={false}
              maxLength={limits.password.max}
              {...form.getInputProps('password')}
            />
            <PasswordField
              label={t('auth.confirmPassword')}
              autoComplete="new-password"
              required
              withAsterisk={false}
              maxLength={limits.password.max}
              {...form.getInputProps('confirmation')}
            />
            <Button type="submit" loading={choose.isPending}>
              {isInvitation ? t('auth.invitationSubmit') : t('auth.resetSubmit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
