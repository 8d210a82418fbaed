import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate, localized } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import {
  EmbargoBadge,
  Excerpt,
  KindBadge,
  RelayStateBadge,
  StateBadge,
  WaitingBadge,
  waitingDays,
} from './badges.tsx';
import { useStoriesT } from './i18n.ts';
import classes from './stories.module.css';
import type { Story } from './types.ts';

/** One story in a list: state, kind, labs, who and when, summary (or search excerpt), relays. */
export function StoryCard({ story }: { story: Story }) {
  const t = useStoriesT();
  const locale = currentLocale();
  const days = waitingDays(story);
  const urgency = days === null ? undefined : days > 7 ? 'late' : days > 3 ? 'slow' : undefined;
  const date = story.submittedAt
    ? t('list.submittedOn', { date: formatDate(story.submittedAt, locale) })
    : t('list.updatedOn', { date: formatDate(story.updatedAt, locale) });
  return (
    <Card className={`hover-card ${classes.storyCard}`} data-urgency={urgency} padding="md">
      <Stack gap={8}>
        <Group gap={6} wrap="wrap">
          <StateBadge state={story.state} />
          <KindBadge kind={story.kind} />
          <EmbargoBadge embargo={story.embargo} />
          {days !== null && <WaitingBadge days={days} />}
        </Group>
        <Title order={2} fz="md" fw={650} lh={1.35} style={{ overflowWrap: 'anywhere' }}>
          <Anchor
            component={Link}
            to={`/stories/${story.id}`}
            c="dark.8"
            inherit
            className={classes.cardLink}
          >
            {story.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {[story.labs.map((lab) => lab.acronym).join(', '), t('list.by', { name: story.author.name }), date]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {story.excerpt ? (
          <Text size="sm" lineClamp={3}>
            <Excerpt text={story.excerpt} />
          </Text>
        ) : (
          story.summary && (
            <Text size="sm" lineClamp={2} c="gray.8">
              {story.summary}
            </Text>
          )
        )}
        {(story.relays.length > 0 || story.attachmentCount > 0 || story.themes.length > 0) && (
          <Group gap={6} wrap="wrap" className={classes.cardFooter}>
            {story.relays.map((relay) => (
              <Group key={relay.id} gap={4} wrap="nowrap" className={classes.relayChip}>
                <Text size="xs" fw={600} c="gray.8">
                  {localized(relay.channel.name, locale)}
                </Text>
                <RelayStateBadge state={relay.state} size="xs" />
              </Group>
            ))}
            {story.themes.slice(0, 3).map((theme) => (
              <Badge key={theme} color="gray" variant="outline" size="sm">
                {theme}
              </Badge>
            ))}
            {story.attachmentCount > 0 && (
              <Text size="xs" c="dimmed" span>
                <IconPaperclip size={13} aria-hidden style={{ verticalAlign: -2 }} />{' '}
                {t('list.attachments', { count: story.attachmentCount })}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
