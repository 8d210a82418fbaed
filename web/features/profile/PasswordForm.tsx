import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../shared/limits.ts';
import { notifySaved, showFormError } from '../../app/errors.ts';
import { PasswordField } from '../../shared/PasswordField.tsx';
import { useChangePassword } from './api.ts';

export function PasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('fieldErrors.required')),
      newPassword: (value) =>
        value.length < limits.password.min
          ? t('fieldErrors.minLength', { count: limits.password.min })
          : null,
      confirmation: (value, values) => (value !== values.newPassword ? t('auth.passwordsDiffer') : null),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async ({ currentPassword, newPassword }) => {
        try {
          await change.mutateAsync({ currentPassword, newPassword });
          form.reset();
          notifySaved(t, t('profile.passwordChanged'));
        } catch (error) {
          showFormError(t, form, error, { knownFields: ['currentPassword', 'newPassword'] });
        }
      })}
    >
      <Stack gap="md" maw={480}>
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <PasswordField
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          maxLength={limits.password.max}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordField
          label={t('auth.newPassword')}
          description={t('auth.passwordRule', { count: limits.password.min })}
          autoComplete="new-password"
          required
          maxLength={limits.password.max}
          {...form.getInputProps('newPassword')}
        />
        <PasswordField
          label={t('auth.confirmPassword')}
          autoComplete="new-password"
          required
          maxLength={limits.password.max}
          {...form.getInputProps('confirmation')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('profile.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
