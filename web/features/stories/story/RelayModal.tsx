import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth.ts';
import { notifyError } from '../../../app/errors.ts';
import { localized } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import { useLabs } from '../../labs/api.ts';
import { useChannels, useRelayStory } from '../api.ts';
import { useStoriesT } from '../i18n.ts';
import type { Channel, Story } from '../types.ts';

const scopes = ['institute', 'national', 'regional', 'other'] as const;
const scopeOf = (channel: Channel) =>
  (scopes as readonly string[]).includes(channel.scope)
    ? (channel.scope as (typeof scopes)[number])
    : 'other';

/**
 * Relay an accepted story to channels, grouped by scope, the lab's proposals preselected.
 * The cell relays anywhere; a DR officer is offered the regional channels of their delegation
 * (the API has no per-channel relay ability yet; it refuses anything else).
 */
export function RelayModal({
  story,
  opened,
  onClose,
}: {
  story: Story;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useStoriesT();
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const channels = useChannels();
  const labs = useLabs();
  const relay = useRelayStory(story.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);

  const isCell = me?.roles.some((grant) => grant.role === 'cell') ?? false;
  const myDelegations = new Set(
    (me?.roles ?? []).flatMap((grant) =>
      grant.role === 'dr_officer' && grant.delegation ? [grant.delegation.id] : [],
    ),
  );
  const relayed = new Set(story.relays.map((item) => item.channel.id));
  const storyLabIds = new Set(story.labs.map((lab) => lab.id));
  const storyDelegations = new Set(
    (labs.data?.items ?? []).flatMap((lab) =>
      storyLabIds.has(lab.id) && lab.delegation ? [lab.delegation.id] : [],
    ),
  );
  const offered = (channels.data?.items ?? []).filter(
    (channel) =>
      channel.isActive &&
      (isCell ||
        (channel.scope === 'regional' && channel.delegation && myDelegations.has(channel.delegation.id))),
  );

  // Preselect once per opening, when the channels are known.
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed from the same inputs each opening
  useEffect(() => {
    if (!opened) return;
    const proposed = offered.filter(
      (channel) =>
        !relayed.has(channel.id) &&
        (story.proposedChannels.includes(channel.slug) ||
          (story.proposedChannels.includes('regional') &&
            channel.scope === 'regional' &&
            channel.delegation !== null &&
            storyDelegations.has(channel.delegation.id))),
    );
    setSelected(proposed.map((channel) => channel.id));
    setNote('');
    setError(null);
    setShowAll(false);
  }, [opened, channels.data, labs.data]);

  const isNear = (channel: Channel) =>
    channel.scope !== 'regional' ||
    (channel.delegation !== null && storyDelegations.has(channel.delegation.id));
  const groups = scopes
    .map((scope) => ({ scope, items: offered.filter((channel) => scopeOf(channel) === scope) }))
    .filter((group) => group.items.length > 0);
  const hiddenCount = offered.filter((channel) => !isNear(channel) && !selected.includes(channel.id)).length;

  const confirm = async () => {
    if (selected.length === 0) {
      setError(t('actions.chooseChannel'));
      return;
    }
    try {
      await relay.mutateAsync({ channelIds: selected, ...(note.trim() ? { note: note.trim() } : {}) });
      notifications.show({ color: 'teal', message: t('actions.relayed', { count: selected.length }) });
      onClose();
    } catch (caught) {
      notifyError(tc, caught);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('actions.relayTitle')} centered size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('actions.relayText')}</Text>
          <Checkbox.Group
            label={t('actions.relayChannels')}
            value={selected}
            onChange={(value) => {
              setSelected(value);
              setError(null);
            }}
            error={error}
            withAsterisk
          >
            <Stack gap="sm" mt={6}>
              {groups.map((group) => {
                const shown = group.items.filter(
                  (channel) => showAll || isNear(channel) || selected.includes(channel.id),
                );
                if (shown.length === 0) return null;
                return (
                  <div key={group.scope}>
                    <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.4} mb={6}>
                      {t(`scopes.${group.scope}`)}
                    </Text>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={8}>
                      {shown.map((channel) => (
                        <Checkbox
                          key={channel.id}
                          value={channel.id}
                          label={localized(channel.name, locale)}
                          description={
                            relayed.has(channel.id)
                              ? t('actions.alreadyRelayed')
                              : story.proposedChannels.includes(channel.slug)
                                ? t('actions.proposedByLab')
                                : undefined
                          }
                          disabled={relayed.has(channel.id)}
                        />
                      ))}
                    </SimpleGrid>
                  </div>
                );
              })}
              {hiddenCount > 0 && !showAll && (
                <Group>
                  <Button variant="subtle" size="compact-sm" onClick={() => setShowAll(true)}>
                    {t('actions.otherRegions', { count: hiddenCount })}
                  </Button>
                </Group>
              )}
            </Stack>
          </Checkbox.Group>
          <Textarea
            label={t('actions.relayNote')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={relay.isPending}>
              {t('actions.confirmRelay')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
