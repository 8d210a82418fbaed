import { Anchor, Button, Card, Divider, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconExternalLink, IconSend, IconX } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../../app/errors.ts';
import { formatDate, localized } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import { useRelayOutcome } from '../api.ts';
import { RelayStateBadge } from '../badges.tsx';
import { useStoriesT } from '../i18n.ts';
import type { Relay, Story } from '../types.ts';
import { MessageModal } from './MessageModal.tsx';

function PublishedModal({ relay, onClose }: { relay: Relay | null; onClose: () => void }) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const outcome = useRelayOutcome();
  const [url, setUrl] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (relay) {
      setUrl(relay.url || '');
      setDate(dayjs().format('YYYY-MM-DD'));
      setError(null);
    }
  }, [relay]);
  const channel = relay ? localized(relay.channel.name, locale) : '';

  const confirm = async () => {
    if (!relay) return;
    if (!/^https?:\/\/\S+$/i.test(url.trim())) {
      setError(tc('fieldErrors.url'));
      return;
    }
    try {
      await outcome.mutateAsync({
        relayId: relay.id,
        outcome: { name: 'published', url: url.trim(), ...(date ? { publishedOn: date } : {}) },
      });
      notifications.show({ color: 'teal', message: t('relays.recorded') });
      onClose();
    } catch (caught) {
      notifyError(tc, caught);
    }
  };

  return (
    <Modal opened={relay !== null} onClose={onClose} title={t('relays.publishedTitle', { channel })} centered>
      <DatesProvider settings={{ locale: locale === 'en' ? 'en-gb' : 'fr', firstDayOfWeek: 1 }}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          <Stack gap="md">
            <TextInput
              label={t('relays.publishedUrl')}
              type="url"
              placeholder="https://"
              required
              value={url}
              onChange={(event) => {
                setUrl(event.currentTarget.value);
                setError(null);
              }}
              error={error}
              maxLength={500}
              data-autofocus
            />
            <DatePickerInput
              label={t('relays.publishedDate')}
              value={date}
              onChange={setDate}
              valueFormat="D MMMM YYYY"
              maxDate={dayjs().add(1, 'year').format('YYYY-MM-DD')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {tc('common.cancel')}
              </Button>
              <Button type="submit" color="teal.9" loading={outcome.isPending}>
                {t('relays.confirmPublished')}
              </Button>
            </Group>
          </Stack>
        </form>
      </DatesProvider>
    </Modal>
  );
}

function RelayRow({
  relay,
  onPublished,
  onNotTaken,
}: {
  relay: Relay;
  onPublished: () => void;
  onNotTaken: () => void;
}) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const outcome = useRelayOutcome();
  const channel = localized(relay.channel.name, locale);
  const markSent = () =>
    outcome.mutate(
      { relayId: relay.id, outcome: { name: 'sent' } },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('relays.sent') }),
        onError: (error) => notifyError(tc, error),
      },
    );
  const { abilities } = relay;
  const hasActions = abilities.markSent || abilities.markPublished || abilities.markNotTaken;

  return (
    <Stack gap={6} py="sm">
      <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Text fw={600} size="sm">
            {channel}
          </Text>
          <Text size="xs" c="dimmed">
            {t(
              `scopes.${(['institute', 'national', 'regional'] as const).find((s) => s === relay.channel.scope) ?? 'other'}`,
            )}
          </Text>
        </Stack>
        <RelayStateBadge state={relay.state} size="md" />
      </Group>
      {relay.state === 'published' && (
        <Text size="sm">
          {relay.publishedOn &&
            `${t('relays.publishedOn', { date: formatDate(relay.publishedOn, locale) })} · `}
          {relay.url && (
            <Anchor href={relay.url} target="_blank" rel="noopener noreferrer" size="sm" underline="always">
              {t('relays.see')} <IconExternalLink size={13} aria-hidden style={{ verticalAlign: -2 }} />
            </Anchor>
          )}
        </Text>
      )}
      {relay.state === 'not_taken' && relay.reason && (
        <Text size="sm" c="gray.8" fs="italic">
          {`«\u00a0${relay.reason}\u00a0»`}
        </Text>
      )}
      {hasActions && (
        <Group gap="xs" wrap="wrap">
          {abilities.markSent && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconSend size={14} aria-hidden />}
              onClick={markSent}
              loading={outcome.isPending}
              aria-label={t('relays.markSentLabel', { channel })}
            >
              {t('relays.markSent')}
            </Button>
          )}
          {abilities.markPublished && (
            <Button
              size="xs"
              color="teal"
              variant="light"
              leftSection={<IconCheck size={14} aria-hidden />}
              onClick={onPublished}
              aria-label={t('relays.markPublishedLabel', { channel })}
            >
              {t('relays.markPublished')}
            </Button>
          )}
          {abilities.markNotTaken && (
            <Button
              size="xs"
              color="orange"
              variant="light"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={onNotTaken}
              aria-label={t('relays.markNotTakenLabel', { channel })}
            >
              {t('relays.markNotTaken')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** Each channel the story went to, its state and outcome, and the outcome buttons the viewer may use. */
export function RelaysPanel({ story }: { story: Story }) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const outcome = useRelayOutcome();
  const [publishing, setPublishing] = useState<Relay | null>(null);
  const [refusing, setRefusing] = useState<Relay | null>(null);

  return (
    <Card component="section" aria-labelledby="relays-title" padding="lg">
      <Title order={2} fz="lg" id="relays-title" mb="xs">
        {t('relays.title')}
      </Title>
      {story.relays.length === 0 ? (
        <Text size="sm" c="dimmed">
          {story.state === 'accepted' ? t('relays.emptyAccepted') : t('relays.empty')}
        </Text>
      ) : (
        <Stack gap={0}>
          {story.relays.map((relay, index) => (
            <Fragment key={relay.id}>
              {index > 0 && <Divider />}
              <RelayRow
                relay={relay}
                onPublished={() => setPublishing(relay)}
                onNotTaken={() => setRefusing(relay)}
              />
            </Fragment>
          ))}
        </Stack>
      )}
      <PublishedModal relay={publishing} onClose={() => setPublishing(null)} />
      <MessageModal
        opened={refusing !== null}
        onClose={() => setRefusing(null)}
        title={t('relays.notTakenTitle', {
          channel: refusing ? localized(refusing.channel.name, locale) : '',
        })}
        label={t('relays.notTakenReason')}
        placeholder={t('relays.notTakenPlaceholder')}
        confirmLabel={t('relays.confirmNotTaken')}
        isRequired
        onConfirm={async (reason) => {
          if (!refusing) return;
          try {
            await outcome.mutateAsync({ relayId: refusing.id, outcome: { name: 'not-taken', reason } });
            notifications.show({ color: 'teal', message: t('relays.recorded') });
          } catch (error) {
            notifyError(tc, error);
            throw error;
          }
        }}
      />
    </Card>
  );
}
