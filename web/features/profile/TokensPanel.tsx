import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../shared/limits.ts';
import { notifyError, notifySaved, showFormError } from '../../app/errors.ts';
import { formatDate, formatRelative } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { ConfirmButton } from '../../shared/ConfirmButton.tsx';
import { EmptyState, ErrorState, TableSkeleton } from '../../shared/States.tsx';
import { useCreateToken, useRevokeToken, useTokens } from './api.ts';

/** Personal API tokens: list, create (secret shown once), revoke. */
export function TokensPanel() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (value) => (value.trim() ? null : t('fieldErrors.required')) },
  });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('profile.tokensIntro')}
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit(async ({ name }) => {
          try {
            const created = await create.mutateAsync(name.trim());
            setSecret({ name: created.token.name, value: created.secret });
            form.reset();
          } catch (error) {
            showFormError(t, form, error, { knownFields: ['name'] });
          }
        })}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('profile.tokenName')}
            placeholder={t('profile.tokenNamePlaceholder')}
            maxLength={limits.name}
            style={{ flex: '1 1 240px' }}
            {...form.getInputProps('name')}
          />
          <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={create.isPending}>
            {t('profile.createToken')}
          </Button>
        </Group>
      </form>

      {tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.isPending ? (
        <TableSkeleton rows={2} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState
          isCompact
          icon={<IconKey size={28} aria-hidden />}
          title={t('profile.noTokens')}
          description={t('profile.noTokensText')}
        />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('profile.tokenName')}</Table.Th>
                <Table.Th scope="col">{t('profile.tokenPrefix')}</Table.Th>
                <Table.Th scope="col">{t('profile.tokenCreated')}</Table.Th>
                <Table.Th scope="col">{t('profile.tokenLastUsed')}</Table.Th>
                <Table.Th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.items.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td fw={600}>{token.name}</Table.Td>
                  <Table.Td>
                    <Code>{token.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{formatDate(token.createdAt, locale)}</Table.Td>
                  <Table.Td>
                    {token.lastUsedAt ? formatRelative(token.lastUsedAt, locale) : t('people.never')}
                  </Table.Td>
                  <Table.Td ta="right">
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      title={t('profile.revokeTitle', { name: token.name })}
                      message={t('profile.revokeMessage')}
                      confirmLabel={t('profile.revoke')}
                      aria-label={t('profile.revokeNamed', { name: token.name })}
                      onConfirm={() =>
                        revoke.mutateAsync(token.id).then(
                          () => notifySaved(t, t('profile.revoked')),
                          (error: unknown) => {
                            notifyError(t, error);
                            throw error;
                          },
                        )
                      }
                    >
                      {t('profile.revoke')}
                    </ConfirmButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal
        opened={secret !== null}
        onClose={() => setSecret(null)}
        title={t('profile.tokenCreatedTitle')}
        centered
        size="lg"
      >
        {secret && (
          <Stack gap="md">
            <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
              {t('profile.tokenOnce')}
            </Alert>
            <Text size="sm">
              {t('profile.tokenFor')} <strong>{secret.name}</strong>
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="token-secret">
                {secret.value}
              </Code>
              <CopyButton value={secret.value}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
                    <ActionIcon
                      variant={copied ? 'filled' : 'light'}
                      color={copied ? 'teal' : 'relais'}
                      size="lg"
                      onClick={copy}
                      aria-label={copied ? t('common.copied') : t('profile.copySecret')}
                    >
                      {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" c="dimmed">
              {t('profile.tokenUsage')} <Code>Authorization: Bearer {secret.value.slice(0, 8)}…</Code>
            </Text>
            <Group justify="flex-end">
              <Button onClick={() => setSecret(null)}>{t('profile.tokenSaved')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
