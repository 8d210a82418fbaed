import { Alert, Anchor, Button, Card, Grid, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { limits } from '../../../shared/limits.ts';
import { ApiError } from '../../app/api.ts';
import { useMeQuery, useSignIn } from '../../app/auth.ts';
import { errorMessage, notifyError, translateFieldMessage } from '../../app/errors.ts';
import { PasswordField } from '../../shared/PasswordField.tsx';
import { useDemoAccounts } from './api.ts';
import { DemoAccounts } from './DemoAccounts.tsx';
import { useReturnTo } from './redirect.ts';

export default function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.signInTitle')} · Relais`);
  const { data: me } = useMeQuery();
  const returnTo = useReturnTo();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const demo = useDemoAccounts();
  const [formError, setFormError] = useState<string | null>(null);
  const [pendingDemo, setPendingDemo] = useState<string | null>(null);

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('fieldErrors.email')),
      password: (value) => (value ? null : t('fieldErrors.required')),
    },
  });

  if (me && !signIn.isPending && !pendingDemo) return <Navigate to={returnTo} replace />;

  const submit = async (credentials: { email: string; password: string }, isDemo = false) => {
    setFormError(null);
    try {
      await signIn.mutateAsync({ email: credentials.email.trim(), password: credentials.password });
      navigate(returnTo, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && Object.keys(error.fields).length > 0) {
        form.setErrors(
          Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, translateFieldMessage(t, v)])),
        );
      } else {
        setFormError(errorMessage(t, error));
        // On a phone the demo panel sits below the form: say it where the click happened too.
        if (isDemo) notifyError(t, error);
      }
    } finally {
      setPendingDemo(null);
    }
  };

  const hasDemo = (demo.data?.length ?? 0) > 0;

  return (
    <Grid gap={{ base: 'lg', md: 40 }} justify="center" align="flex-start">
      <Grid.Col span={{ base: 12, md: hasDemo ? 6 : 8, lg: hasDemo ? 5 : 6 }}>
        <Stack gap="lg">
          <div>
            <Title order={1}>{t('auth.signInTitle')}</Title>
            <Text c="dimmed" mt={6}>
              {t('auth.signInIntro')}
            </Text>
          </div>
          <Card p={{ base: 'lg', sm: 'xl' }} shadow="sm">
            <form onSubmit={form.onSubmit((values) => submit(values))} noValidate>
              <Stack gap="md">
                {formError && (
                  <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
                    {formError}
                  </Alert>
                )}
                <TextInput
                  label={t('auth.email')}
                  type="email"
                  autoComplete="username"
                  required
                  withAsterisk={false}
                  maxLength={limits.email}
                  {...form.getInputProps('email')}
                />
                <PasswordField
                  label={t('auth.password')}
                  autoComplete="current-password"
                  required
                  withAsterisk={false}
                  maxLength={limits.password.max}
                  {...form.getInputProps('password')}
                />
                <Group justify="space-between" align="center" mt="xs">
                  <Anchor component={Link} to="/forgot" size="sm">
                    {t('auth.forgot')}
                  </Anchor>
                  <Button type="submit" loading={signIn.isPending && !pendingDemo}>
                    {t('auth.signIn')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
          <Text size="sm" c="dimmed">
            {t('auth.publicDirectory')}{' '}
            <Anchor component={Link} to="/network" size="sm">
              {t('auth.browseDirectory')}
            </Anchor>
          </Text>
        </Stack>
      </Grid.Col>
      {hasDemo && demo.data && (
        <Grid.Col span={{ base: 12, md: 6, lg: 5 }}>
          <DemoAccounts
            accounts={demo.data}
            pendingEmail={pendingDemo}
            onPick={(account) => {
              setPendingDemo(account.email);
              void submit({ email: account.email, password: account.password }, true);
            }}
          />
        </Grid.Col>
      )}
    </Grid>
  );
}
