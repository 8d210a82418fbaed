import { Alert, Button, Card, Group, EmptyState as MantineEmptyState, Skeleton, Stack } from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/errors.ts';

type EmptyProps = {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
  /** Inside a card already: no frame of its own, less room. */
  isCompact?: boolean;
};

/** "Nothing here yet", with a hint and maybe a way forward. */
export function EmptyState({ title, description, icon, action, isCompact = false }: EmptyProps) {
  return (
    <Card py={isCompact ? 'lg' : 48} withBorder={!isCompact} bg={isCompact ? 'gray.0' : undefined}>
      <MantineEmptyState
        variant="light"
        icon={icon ?? <IconInbox size={28} stroke={1.6} aria-hidden />}
        title={title}
        description={description}
      >
        {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
      </MantineEmptyState>
    </Card>
  );
}

/** A failed load, with its reason and a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('errors.loadFailed')}
    >
      <Stack gap="sm" align="flex-start">
        <span>{errorMessage(t, error)}</span>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Placeholder while a page loads: header, then cards. */
export function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" role="status" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton height={14} width={180} />
      <Skeleton height={32} width="45%" />
      <Skeleton height={16} width="70%" />
      <Group grow align="stretch" mt="md">
        <Skeleton height={140} radius="lg" />
        <Skeleton height={140} radius="lg" visibleFrom="sm" />
        <Skeleton height={140} radius="lg" visibleFrom="md" />
      </Group>
      <Skeleton height={220} radius="lg" />
    </Stack>
  );
}

export function CardsSkeleton({ count = 6 }: { count?: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Skeleton key={index} height={150} radius="lg" />
      ))}
    </>
  );
}

export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap="xs">
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Skeleton key={index} height={36} />
      ))}
    </Stack>
  );
}
