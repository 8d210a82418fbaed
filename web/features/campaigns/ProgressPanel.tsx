import { Alert, Box, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPause } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import classes from './campaigns.module.css';
import { type CampaignsT, useCampaignsT } from './i18n.ts';
import type { Progress as ProgressData } from './types.ts';

export function formatDuration(t: CampaignsT, seconds: number): string {
  if (seconds < 60) return t('duration.seconds', { count: Math.max(1, Math.round(seconds)) });
  if (seconds < 3600) return t('duration.minutes', { count: Math.round(seconds / 60) });
  const hours = Math.floor(seconds / 3600);
  return t('duration.hours', { hours, minutes: Math.round((seconds % 3600) / 60) });
}

export function pauseReasonText(t: CampaignsT, reason: string | null): string | null {
  if (!reason) return null;
  if (/by a person/i.test(reason)) return t('progress.pauseReasons.manual');
  if (/^Paused after/i.test(reason)) return t('progress.pauseReasons.errors');
  return reason;
}

const segments = [
  { key: 'sent', color: 'teal.6' },
  { key: 'failed', color: 'red.6' },
  { key: 'suppressed', color: 'red.3' },
  { key: 'uncertain', color: 'orange.5' },
  { key: 'claimed', color: 'blue.4' },
] as const;

/** The live bar: sent (green), failed + suppressed (red), uncertain (orange), in the exchange (blue), the rest grey. */
export function ProgressPanel({ progress, actions }: { progress: ProgressData; actions?: ReactNode }) {
  const t = useCampaignsT();
  const locale = currentLocale();
  const total = Math.max(progress.total, 1);
  const isLive = progress.state === 'sending' || progress.state === 'scheduled';
  const pauseText = pauseReasonText(t, progress.pauseReason);
  const legend = [...segments.map((s) => s.key), 'pending' as const];
  const colorOf = (key: (typeof legend)[number]) =>
    key === 'pending' ? 'gray.3' : segments.find((s) => s.key === key)!.color;

  return (
    <Card withBorder padding="lg" aria-labelledby="progress-title">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="lg" id="progress-title">
            {t('progress.title')}
          </Title>
          {isLive && (
            <Text size="xs" c="dimmed">
              {t('progress.live')}
            </Text>
          )}
        </Group>

        {progress.state === 'scheduled' && progress.total === 0 ? (
          <Text size="sm">
            {progress.scheduledAt && Date.parse(progress.scheduledAt) > Date.now()
              ? t('progress.scheduledFor', { date: formatDateTime(progress.scheduledAt, locale) })
              : t('progress.waiting')}
          </Text>
        ) : (
          <>
            <Group justify="space-between" gap="xs" align="baseline">
              <Text fz={28} fw={700} data-testid="progress-percent">
                {t('progress.percent', { percent: progress.percent })}
              </Text>
              <Text size="sm" c="dimmed">
                {progress.sent.toLocaleString()} / {progress.total.toLocaleString()}
              </Text>
            </Group>
            <Progress.Root
              size={18}
              radius="md"
              role="progressbar"
              aria-label={t('progress.bar')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={progress.percent}
            >
              {segments.map((segment) =>
                progress[segment.key] > 0 ? (
                  <Progress.Section
                    key={segment.key}
                    value={(progress[segment.key] / total) * 100}
                    color={segment.color}
                    aria-hidden
                  />
                ) : null,
              )}
            </Progress.Root>
            <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="xs" component="dl" m={0}>
              {legend.map((key) => (
                <Box key={key} className={classes.stat}>
                  <Group gap={6} wrap="nowrap" component="dt">
                    <span
                      className={classes.legendDot}
                      style={{ background: `var(--mantine-color-${colorOf(key).replace('.', '-')})` }}
                    />
                    <Text size="xs" c="dimmed" fw={600}>
                      {t(`progress.${key}`)}
                    </Text>
                  </Group>
                  <Text component="dd" m={0} fw={700} data-count={key}>
                    {progress[key].toLocaleString()}
                  </Text>
                </Box>
              ))}
            </SimpleGrid>
            <Group gap="lg">
              {progress.state === 'sending' && progress.ratePerSecond > 0 && (
                <Text size="sm">
                  {t('progress.rate', {
                    rate: progress.ratePerSecond.toLocaleString(undefined, { maximumFractionDigits: 1 }),
                  })}
                </Text>
              )}
              {progress.state === 'sending' && progress.etaSeconds !== null && (
                <Text size="sm">
                  {t('progress.eta', { duration: formatDuration(t, progress.etaSeconds) })}
                </Text>
              )}
              {progress.finishedAt && (progress.state === 'sent' || progress.state === 'cancelled') && (
                <Text size="sm" c="dimmed">
                  {t('progress.finished', { date: formatDateTime(progress.finishedAt, locale) })}
                </Text>
              )}
            </Group>
          </>
        )}

        {progress.state === 'paused' && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconPlayerPause aria-hidden />}
            title={t('progress.paused')}
          >
            {pauseText}
          </Alert>
        )}
        {progress.lastError && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('progress.lastError', { date: formatDateTime(progress.lastErrorAt, locale) })}
          >
            <Text size="sm" className={classes.mono}>
              {progress.lastError}
            </Text>
          </Alert>
        )}
        {actions}
      </Stack>
    </Card>
  );
}
