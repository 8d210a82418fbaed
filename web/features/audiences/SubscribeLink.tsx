import { ActionIcon, Card, CopyButton, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink, IconWorld } from '@tabler/icons-react';
import { useCampaignsT } from '../campaigns/i18n.ts';

/** The public subscribe page (double opt-in), to put on the website or in a signature. */
export function SubscribeLink() {
  const t = useCampaignsT();
  const url = `${window.location.origin}/subscribe`;
  return (
    <Card withBorder padding="md">
      <Group gap="md" align="flex-start" wrap="nowrap">
        <IconWorld size={22} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600} component="h2" fz="md" m={0}>
            {t('lists.subscribeTitle')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('lists.subscribeHint')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              value={url}
              readOnly
              aria-label={t('lists.subscribeTitle')}
              onFocus={(event) => event.currentTarget.select()}
              style={{ flex: 1, minWidth: 0 }}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('common.copied') : t('common.copyLink')}>
                  <ActionIcon
                    variant="light"
                    size="lg"
                    onClick={copy}
                    aria-label={copied ? t('common.copied') : t('common.copyLink')}
                  >
                    {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
            <Tooltip label={url}>
              <ActionIcon
                component="a"
                href={url}
                target="_blank"
                rel="noopener"
                variant="default"
                size="lg"
                aria-label={`${t('lists.subscribeTitle')} (${url})`}
              >
                <IconExternalLink size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}
