import { ActionIcon, Box, Card, Group, SegmentedControl, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDeviceDesktop, IconDeviceMobile, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useNewslettersT } from './i18n.ts';
import classes from './newsletters.module.css';

const widths = { desktop: 680, phone: 375 } as const;

/**
 * The issue as the server renders it (GET /api/newsletters/:id/preview: the real MJML, sample values),
 * in a sandboxed frame at a desktop or a phone width; reloaded, debounced, when the issue changes.
 */
export function IssuePreview({ issueId, version }: { issueId: string; version: string }) {
  const t = useNewslettersT();
  const [device, setDevice] = useState<keyof typeof widths>('desktop');
  const [bump, setBump] = useState(0);
  const [shown] = useDebouncedValue(version, 600);
  const width = widths[device];
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="lg">
            {t('preview.title')}
          </Title>
          <Group gap="xs">
            <SegmentedControl
              aria-label={t('preview.width')}
              value={device}
              onChange={(value) => setDevice(value as keyof typeof widths)}
              data={[
                {
                  value: 'desktop',
                  label: (
                    <Group gap={6} wrap="nowrap" justify="center">
                      <IconDeviceDesktop size={16} aria-hidden />
                      <span>{t('preview.desktop')}</span>
                    </Group>
                  ),
                },
                {
                  value: 'phone',
                  label: (
                    <Group gap={6} wrap="nowrap" justify="center">
                      <IconDeviceMobile size={16} aria-hidden />
                      <span>{t('preview.phone')}</span>
                    </Group>
                  ),
                },
              ]}
            />
            <Tooltip label={t('preview.refresh')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('preview.refresh')}
                onClick={() => setBump((n) => n + 1)}
              >
                <IconRefresh size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <Box className={classes.frameBox} style={{ width }}>
          {/* sandbox="": no script, no form, no navigation, no same-origin access. */}
          <iframe
            key={`${shown}-${bump}`}
            title={t('preview.frame', { width: `${width} px` })}
            sandbox=""
            src={`/api/newsletters/${issueId}/preview`}
            className={classes.iframe}
            data-device={device}
          />
        </Box>
        <Text size="xs" c="dimmed">
          {t('preview.note')}
        </Text>
      </Stack>
    </Card>
  );
}
