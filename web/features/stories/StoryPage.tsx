import { Alert, Anchor, Badge, Box, Card, Grid, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconCheck,
  IconExternalLink,
  IconLock,
  IconMail,
  IconMessageCircle,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDate, intlLocale, localized } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { PageSkeleton, TableSkeleton } from '../../shared/States.tsx';
import { useAttachments, useChannels, useComments, useStory, useStoryHistory } from './api.ts';
import { EmbargoBadge, embargoLift, KindBadge, StateBadge, WaitingBadge, waitingDays } from './badges.tsx';
import { useStoriesT } from './i18n.ts';
import { StoryNotFound } from './StoryNotFound.tsx';
import classes from './stories.module.css';
import { ActionBar } from './story/ActionBar.tsx';
import { Comments } from './story/Comments.tsx';
import { Gallery } from './story/Gallery.tsx';
import { RelaysPanel } from './story/RelaysPanel.tsx';
import { StoryHistory } from './story/StoryHistory.tsx';
import { WorkflowSteps } from './story/WorkflowSteps.tsx';
import type { Story } from './types.ts';

/** A calendar day ("2026-05-17"), the same wherever the viewer is. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(intlLocale(currentLocale()), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
        {label}
      </Text>
      <Text size="sm" component="div" mt={2}>
        {children}
      </Text>
    </div>
  );
}

function Details({ story, id }: { story: Story; id: string }) {
  const t = useStoriesT();
  const locale = currentLocale();
  const channels = useChannels();
  const channelName = (slug: string) => {
    const channel = channels.data?.items.find((item) => item.slug === slug);
    return channel ? localized(channel.name, locale) : slug === 'regional' ? t('scopes.regional') : slug;
  };
  return (
    <Card component="section" aria-labelledby={id} padding="lg">
      <Title order={2} fz="lg" id={id} mb="md">
        {t('page.details')}
      </Title>
      <Stack gap="md">
        {story.eventDate && (
          <Fact label={t('page.eventDate')}>
            {formatDay(story.eventDate)}
            {story.eventEndDate && ` → ${formatDay(story.eventEndDate)}`}
          </Fact>
        )}
        {story.embargo && (
          <Fact label={t('embargo.badge')}>
            {story.embargo.isActive
              ? t('embargo.until', { date: embargoLift(story.embargo) })
              : t('embargo.lifted', { date: embargoLift(story.embargo) })}
            <Text size="xs" c="dimmed">
              {story.embargo.date} {story.embargo.time} · {story.embargo.timeZone}
            </Text>
          </Fact>
        )}
        <Fact label={t('page.labs')}>
          <Group gap={6}>
            {story.labs.map((lab, index) => (
              <Anchor
                key={lab.id}
                component={Link}
                to={`/labs/${lab.id}`}
                size="sm"
                fw={600}
                title={lab.name}
              >
                {lab.acronym}
                {index === 0 && story.labs.length > 1 && (
                  <Text span size="xs" c="dimmed" fw={400}>
                    {' '}
                    ({t('form.originating')})
                  </Text>
                )}
              </Anchor>
            ))}
          </Group>
        </Fact>
        <Fact label={t('page.author')}>
          <Anchor component={Link} to={`/people/${story.author.id}`} size="sm">
            {story.author.name}
          </Anchor>
        </Fact>
        <Group gap="xl">
          <Fact label={t('page.created')}>{formatDate(story.createdAt, locale)}</Fact>
          {story.submittedAt && (
            <Fact label={t('page.submitted')}>{formatDate(story.submittedAt, locale)}</Fact>
          )}
          {story.decidedAt && <Fact label={t('page.decided')}>{formatDate(story.decidedAt, locale)}</Fact>}
        </Group>
        {story.themes.length > 0 && (
          <Fact label={t('page.themes')}>
            <Group gap={6}>
              {story.themes.map((theme) => (
                <Badge
                  key={theme}
                  component={Link}
                  to={`/stories?view=all&theme=${encodeURIComponent(theme)}`}
                  color="relais"
                  variant="light"
                  style={{ cursor: 'pointer' }}
                >
                  {theme}
                </Badge>
              ))}
            </Group>
          </Fact>
        )}
        {story.projects.length > 0 && (
          <Fact label={t('page.projects')}>
            <Group gap={6}>
              {story.projects.map((project) => (
                <Badge key={project} color="grape" variant="light">
                  {project}
                </Badge>
              ))}
            </Group>
          </Fact>
        )}
        {story.proposedChannels.length > 0 && (
          <Fact label={t('page.proposedChannels')}>{story.proposedChannels.map(channelName).join(', ')}</Fact>
        )}
      </Stack>
    </Card>
  );
}

function StoryContent({ story }: { story: Story }) {
  const t = useStoriesT();
  const attachments = useAttachments(story.id);
  return (
    <Stack gap="xl">
      {story.summary && (
        <Text fz="lg" fw={500} c="dark.7" lh={1.55} style={{ overflowWrap: 'anywhere' }}>
          {story.summary}
        </Text>
      )}
      {story.bodyHtml ? (
        // Sanitized on the server (a short list of tags, safe links only).
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitized rich text
        <div className={classes.body} dangerouslySetInnerHTML={{ __html: story.bodyHtml }} />
      ) : (
        <Text c="dimmed" size="sm">
          {t('page.noBody')}
        </Text>
      )}
      {attachments.isPending && story.attachmentCount > 0 ? (
        <TableSkeleton rows={2} />
      ) : (
        attachments.data && attachments.data.items.length > 0 && <Gallery items={attachments.data.items} />
      )}
      {story.researchers.length > 0 && (
        <section aria-labelledby="researchers-title">
          <Title order={2} fz="md" id="researchers-title" mb="xs">
            {t('page.researchers')}
          </Title>
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {story.researchers.map((researcher) => (
              <Text key={`${researcher.name}-${researcher.email}`} component="li" size="sm">
                {researcher.name}
                {researcher.email && (
                  <>
                    {' · '}
                    <Anchor href={`mailto:${researcher.email}`} size="sm">
                      <IconMail size={14} aria-hidden style={{ verticalAlign: -2 }} /> {researcher.email}
                    </Anchor>
                  </>
                )}
              </Text>
            ))}
          </Stack>
        </section>
      )}
      {story.links.length > 0 && (
        <section aria-labelledby="links-title">
          <Title order={2} fz="md" id="links-title" mb="xs">
            {t('page.links')}
          </Title>
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {story.links.map((link) => (
              <li key={link.url}>
                <Anchor
                  href={link.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {link.label || link.url}{' '}
                  <IconExternalLink size={13} aria-hidden style={{ verticalAlign: -2 }} />
                </Anchor>
              </li>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}

function DecisionAlert({ story }: { story: Story }) {
  const t = useStoriesT();
  if (story.state === 'changes_requested') {
    return (
      <Alert
        color="orange"
        icon={<IconArrowBackUp size={20} aria-hidden />}
        title={t('page.changesRequestedAlert')}
      >
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {story.decisionReason}
        </Text>
      </Alert>
    );
  }
  if (story.state === 'declined') {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('page.declinedAlert')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {story.decisionReason}
        </Text>
      </Alert>
    );
  }
  if (story.state === 'accepted' && story.decisionReason) {
    return (
      <Alert color="teal" icon={<IconCheck size={20} aria-hidden />} title={t('page.decisionMessage')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {story.decisionReason}
        </Text>
      </Alert>
    );
  }
  return null;
}

/** A story: header and actions, decision, text and images, progress, relays, discussion and history. */
export default function StoryPage() {
  const t = useStoriesT();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const story = useStory(id);
  const canReadHistory = story.data?.abilities.readHistory ?? false;
  const history = useStoryHistory(id, canReadHistory);
  const canComment = story.data?.abilities.comment ?? false;
  // The discussion is for those who handle the story (the API refuses the others).
  const comments = useComments(id, canComment);

  if (story.isPending) return <PageSkeleton />;
  if (story.isError) return <StoryNotFound error={story.error} onRetry={() => void story.refetch()} />;
  const data = story.data;
  const days = waitingDays(data);
  const requestedTab = params.get('tab');
  const tab =
    (requestedTab === 'discussion' && canComment) || (requestedTab === 'history' && canReadHistory)
      ? requestedTab
      : 'story';
  const commentCount = comments.data?.items.length ?? 0;
  const showRelays = data.state === 'accepted' || data.relays.length > 0;

  return (
    <>
      <PageHeader
        title={data.title}
        breadcrumbs={[{ label: t('list.title'), to: '/stories' }]}
        eyebrow={
          <Group gap={6} wrap="wrap">
            <StateBadge state={data.state} size="lg" />
            <KindBadge kind={data.kind} size="lg" />
            <EmbargoBadge embargo={data.embargo} size="lg" />
            {days !== null && <WaitingBadge days={days} />}
          </Group>
        }
        description={
          <Text size="sm" c="dimmed" component="span">
            {data.labs.map((lab) => lab.acronym).join(', ')} · {t('list.by', { name: data.author.name })}
            {data.eventDate && ` · ${formatDay(data.eventDate)}`}
          </Text>
        }
        actions={
          <Group gap="sm" wrap="wrap" role="group" aria-label={t('actions.bar')}>
            <ActionBar story={data} />
          </Group>
        }
      />
      <Stack gap="lg">
        {data.embargo?.isActive && (
          <Alert
            color="red"
            icon={<IconLock size={20} aria-hidden />}
            title={t('page.embargoAlert', { date: embargoLift(data.embargo) })}
          >
            {t('page.embargoAlertText')}
          </Alert>
        )}
        <DecisionAlert story={data} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
            <Stack gap="lg">
              <Card padding={0}>
                <Tabs
                  value={tab}
                  onChange={(value) =>
                    setParams(
                      (current) => {
                        const next = new URLSearchParams(current);
                        if (!value || value === 'story') next.delete('tab');
                        else next.set('tab', value);
                        return next;
                      },
                      { replace: true },
                    )
                  }
                >
                  <Tabs.List
                    aria-label={t('page.tabs')}
                    px={{ base: 'xs', sm: 'md' }}
                    pt="xs"
                    style={{ flexWrap: 'nowrap', overflowX: 'auto' }}
                  >
                    <Tabs.Tab value="story">{t('page.tabStory')}</Tabs.Tab>
                    <Tabs.Tab value="discussion" leftSection={<IconMessageCircle size={16} aria-hidden />}>
                      {t('page.tabDiscussion')}
                      {commentCount > 0 && ` (${commentCount})`}
                    </Tabs.Tab>
                    {canReadHistory && <Tabs.Tab value="history">{t('page.tabHistory')}</Tabs.Tab>}
                  </Tabs.List>
                  <Tabs.Panel value="story" p={{ base: 'md', sm: 'xl' }}>
                    <StoryContent story={data} />
                  </Tabs.Panel>
                  <Tabs.Panel value="discussion" p={{ base: 'md', sm: 'xl' }}>
                    <Comments storyId={data.id} canComment={data.abilities.comment ?? false} />
                  </Tabs.Panel>
                  {canReadHistory && (
                    <Tabs.Panel value="history" p={{ base: 'md', sm: 'xl' }}>
                      {history.data ? (
                        <StoryHistory items={history.data.items} />
                      ) : (
                        <TableSkeleton rows={4} />
                      )}
                    </Tabs.Panel>
                  )}
                </Tabs>
              </Card>
              <Box hiddenFrom="md">
                <Details story={data} id="details-title-phone" />
              </Box>
            </Stack>
          </Grid.Col>
          {/* On a phone, where the story stands and what became of it come first. */}
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
            <Stack gap="lg">
              <WorkflowSteps story={data} history={history.data?.items ?? []} />
              {showRelays && <RelaysPanel story={data} />}
              <Box visibleFrom="md">
                <Details story={data} id="details-title" />
              </Box>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
