import { Alert, Anchor, Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { limits } from '../../../shared/limits.ts';
import { showFormError } from '../../app/errors.ts';
import { useRequestPasswordReset } from './api.ts';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('auth.forgotTitle')} · Relais`);
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('fieldErrors.email')) },
  });

  return (
    <Stack maw={480} mx="auto" gap="lg">
      <Anchor component={Link} to="/login" size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: -2 }} /> {t('auth.backToSignIn')}
      </Anchor>
      <div>
        <Title order={1}>{t('auth.forgotTitle')}</Title>
        <Text c="dimmed" mt={6}>
          {t('auth.forgotIntro')}
        </Text>
      </div>
      <Card p={{ base: 'lg', sm: 'xl' }} shadow="sm">
        {sentTo ? (
          <Alert
            color="teal"
            icon={<IconMailCheck aria-hidden />}
            title={t('auth.forgotSentTitle')}
            role="status"
          >
            {t('auth.forgotSent', { email: sentTo })}
          </Alert>
        ) : (
          <form
            noValidate
            onSubmit={form.onSubmit(async ({ email }) => {
              try {
                await request.mutateAsync(email.trim());
                setSentTo(email.trim());
              } catch (error) {
                showFormError(t, form, error, { knownFields: ['email'] });
              }
            })}
          >
            <Stack>
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="email"
                required
                maxLength={limits.email}
                {...form.getInputProps('email')}
              />
              <Button type="submit" loading={request.isPending}>
                {t('auth.forgotSubmit')}
              </Button>
            </Stack>
          </form>
        )}
      </Card>
    </Stack>
  );
}
