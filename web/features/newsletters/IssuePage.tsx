import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Menu,
  MultiSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconCheck,
  IconExternalLink,
  IconLock,
  IconPlus,
  IconSend,
  IconTestPipe,
  IconTrash,
} from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { newsletterLimits } from '../../../shared/newsletters.ts';
import { isApiError } from '../../app/api.ts';
import { useMe } from '../../app/auth.ts';
import { notifyError, translateFieldMessage } from '../../app/errors.ts';
import { formatDate } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { ConfirmButton } from '../../shared/ConfirmButton.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../shared/States.tsx';
import { useLists } from '../audiences/api.ts';
import { useCampaign, useProgress } from '../campaigns/api.ts';
import { ProgressPanel } from '../campaigns/ProgressPanel.tsx';
import { audienceOf, ScheduleModal, SendNowModal, TestSendModal } from '../campaigns/SendModals.tsx';
import { MarkupEditor } from '../stories/form/MarkupEditor.tsx';
import { blocksToHtml, htmlToMarkup, parseMarkup } from '../stories/form/markup.ts';
import { useCandidates, useDeleteIssue, useIssue, useUpdateIssue } from './api.ts';
import { EmbargoBadge, formatEmbargo, IssueStateBadge } from './badges.tsx';
import { IssuePreview } from './IssuePreview.tsx';
import { type NewslettersT, useNewslettersT } from './i18n.ts';
import classes from './newsletters.module.css';
import { SectionsEditor } from './SectionsEditor.tsx';
import type { Candidate, Issue, IssuePatch, IssueSection } from './types.ts';

const toPatch = (sections: IssueSection[]): IssuePatch => ({
  sections: sections.map((s) => (s.key ? { key: s.key, title: s.title } : { title: s.title })),
  items: sections.flatMap((s) => s.items.map((item) => ({ storyId: item.storyId, section: s.key }))),
});

/** The server's refusals (English, naming the story) in the reader's language. */
export function issueErrorText(t: NewslettersT, message: string): string | null {
  const embargo = message.match(/^« (.+) » is under embargo until .*\((\S+)\)/);
  if (embargo)
    return t('embargo.issue', {
      title: embargo[1],
      date: formatEmbargo({ until: embargo[2]!, timeZone: null, isActive: true }),
    });
  const state = message.match(/^« (.+) » is no longer an accepted story/);
  if (state) return t('errors.notAccepted', { title: state[1] });
  if (/has no story yet/.test(message)) return t('errors.empty');
  return null;
}

function TextCard({ issue, isEditable }: { issue: Issue; isEditable: boolean }) {
  const t = useNewslettersT();
  const { t: tc } = useTranslation();
  const update = useUpdateIssue(issue.id);
  const initial = useMemo(() => htmlToMarkup(issue.editoHtml), [issue.editoHtml]);
  const [title, setTitle] = useState(issue.title);
  const [edito, setEdito] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const sent = useRef({ title: issue.title, edito: initial });
  const [savedTitle] = useDebouncedValue(title, 700);
  const [savedEdito] = useDebouncedValue(edito, 700);

  useEffect(() => {
    if (!isEditable) return;
    const patch: IssuePatch = {};
    if (savedTitle.trim() && savedTitle !== sent.current.title) patch.title = savedTitle.trim();
    if (savedEdito !== sent.current.edito) patch.editoHtml = blocksToHtml(parseMarkup(savedEdito));
    if (Object.keys(patch).length === 0) return;
    sent.current = { title: savedTitle, edito: savedEdito };
    update.mutate(patch, {
      onSuccess: () => setErrors({}),
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fields).length > 0)
          setErrors(
            Object.fromEntries(
              Object.entries(error.fields).map(([field, text]) => [field, translateFieldMessage(tc, text)]),
            ),
          );
        else notifyError(tc, error);
      },
    });
  }, [savedTitle, savedEdito, isEditable, update.mutate, tc]);

  const isDirty = title !== savedTitle || edito !== savedEdito || update.isPending;
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} fz="lg">
            {t('issue.text')}
          </Title>
          {isEditable && (
            <Text size="xs" c="dimmed" aria-live="polite">
              {isDirty ? (
                t('issue.saving')
              ) : (
                <Group gap={4} component="span">
                  <IconCheck size={14} aria-hidden />
                  {t('issue.saved')}
                </Group>
              )}
            </Text>
          )}
        </Group>
        <TextInput
          label={t('issue.titleLabel')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          maxLength={newsletterLimits.title}
          error={errors.title ?? (title.trim() ? null : tc('fieldErrors.required'))}
          readOnly={!isEditable}
          required
        />
        <Text size="sm" c="dimmed">
          {t('issue.subject')}&nbsp;: {issue.campaign.subject}
        </Text>
        {isEditable ? (
          <MarkupEditor
            label={t('issue.edito')}
            description={t('issue.editoHint', { firstName: '{{firstName}}' })}
            value={edito}
            onChange={setEdito}
            error={errors.editoHtml}
            maxLength={newsletterLimits.edito}
          />
        ) : null}
      </Stack>
    </Card>
  );
}

function CandidatesCard({
  issue,
  sections,
  onAdd,
}: {
  issue: Issue;
  sections: IssueSection[];
  onAdd: (candidate: Candidate, section: string) => void;
}) {
  const t = useNewslettersT();
  const locale = currentLocale();
  const candidates = useCandidates(issue.id, true);
  const taken = new Set(sections.flatMap((s) => s.items.map((i) => i.storyId)));
  const items = (candidates.data?.items ?? []).filter((c) => !taken.has(c.storyId));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="candidates-title">
      <Stack gap="xs">
        <Title order={2} fz="lg" id="candidates-title">
          {t('candidates.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('candidates.hint')}
        </Text>
        {candidates.isError ? (
          <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} />
        ) : candidates.isPending ? null : items.length === 0 ? (
          <Text size="sm" c="dimmed" py="sm">
            {t('candidates.empty')}
          </Text>
        ) : (
          <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((candidate) => (
              <li key={candidate.storyId} className={classes.candidate} data-candidate={candidate.storyId}>
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Anchor
                      component={Link}
                      to={`/stories/${candidate.storyId}`}
                      fw={600}
                      size="sm"
                      c="dark"
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {candidate.title}
                    </Anchor>
                    {candidate.summary && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {candidate.summary}
                      </Text>
                    )}
                    <Group gap={6}>
                      {candidate.labs.map((lab) => (
                        <Badge key={lab} size="xs" variant="light" color="gray">
                          {lab}
                        </Badge>
                      ))}
                      <EmbargoBadge embargo={candidate.embargo} />
                      <Text size="xs" c="dimmed">
                        {t('candidates.relayed', { date: formatDate(candidate.relay.relayedAt, locale) })}
                      </Text>
                    </Group>
                  </Stack>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconPlus size={14} aria-hidden />}
                        aria-label={t('candidates.addLabel', { title: candidate.title })}
                        style={{ flexShrink: 0 }}
                      >
                        {t('candidates.addTo')}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {sections.map((section) => (
                        <Menu.Item key={section.key} onClick={() => onAdd(candidate, section.key)}>
                          {section.title}
                        </Menu.Item>
                      ))}
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function SendCard({ issue, sections }: { issue: Issue; sections: IssueSection[] }) {
  const t = useNewslettersT();
  const { t: tc } = useTranslation();
  const me = useMe();
  const lists = useLists();
  const campaign = useCampaign(issue.campaign.id);
  const update = useUpdateIssue(issue.id);
  const issueQuery = useIssue(issue.id);
  const [isTesting, testing] = useDisclosure(false);
  const [isScheduling, scheduling] = useDisclosure(false);
  const [isSending, sending] = useDisclosure(false);
  const can = issue.abilities;
  const isDraft = issue.campaign.state === 'draft';
  const activeByList = useMemo(
    () => new Map((lists.data?.items ?? []).map((list) => [list.id, list.counts.active])),
    [lists.data],
  );
  const items = sections.flatMap((s) => s.items);
  const blockers = items.filter((item) => item.embargo?.isActive);
  const ready = items.length > 0 && issue.campaign.lists.length > 0;
  const audience = campaign.data
    ? audienceOf(campaign.data, activeByList)
    : { count: issue.campaign.lists.reduce((sum, l) => sum + (activeByList.get(l.id) ?? 0), 0), lists: '' };
  const closeAndRefresh = (close: () => void) => () => {
    close();
    void issueQuery.refetch();
    void campaign.refetch();
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="send-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="send-title">
          {t('audience.title')}
        </Title>
        {isDraft && can.update ? (
          <MultiSelect
            label={t('audience.lists')}
            description={t('audience.listsHint')}
            data={(lists.data?.items ?? []).map((list) => ({
              value: list.id,
              label: `${list.name} (${list.counts.active.toLocaleString()})`,
            }))}
            value={issue.campaign.lists.map((list) => list.id)}
            onChange={(listIds) => update.mutate({ listIds }, { onError: (error) => notifyError(tc, error) })}
            searchable
          />
        ) : (
          <Text size="sm">{issue.campaign.lists.map((list) => list.name).join(', ')}</Text>
        )}
        <Text fw={600} data-testid="audience-count">
          {issue.campaign.recipientCount > 0
            ? t('audience.frozen', { count: issue.campaign.recipientCount })
            : t('audience.count', { count: audience.count })}
        </Text>
        {blockers.map((item) => (
          <Alert
            key={item.storyId}
            color="orange"
            variant="light"
            icon={<IconLock aria-hidden />}
            title={item.title}
            role="status"
          >
            {t('embargo.blocking', { date: formatEmbargo(item.embargo!) })}
          </Alert>
        ))}
        {isDraft && (
          <>
            {!ready && (
              <Text size="sm" c="dimmed">
                {t('send.needs')}
              </Text>
            )}
            <Group gap="sm">
              {can.testSend && (
                <Button
                  variant="default"
                  leftSection={<IconTestPipe size={16} aria-hidden />}
                  onClick={testing.open}
                  disabled={items.length === 0 || !campaign.data}
                >
                  {t('send.test')}
                </Button>
              )}
              {can.schedule && (
                <Button
                  leftSection={<IconCalendarEvent size={16} aria-hidden />}
                  onClick={scheduling.open}
                  disabled={!ready || !campaign.data}
                >
                  {t('send.schedule')}
                </Button>
              )}
              {can.sendNow && (
                <Button
                  variant="light"
                  leftSection={<IconSend size={16} aria-hidden />}
                  onClick={sending.open}
                  disabled={!ready || !campaign.data}
                >
                  {t('send.now')}
                </Button>
              )}
            </Group>
          </>
        )}
        {campaign.data && (
          <>
            <TestSendModal
              campaign={campaign.data}
              opened={isTesting}
              onClose={testing.close}
              defaultEmail={me?.email ?? ''}
            />
            {isScheduling && (
              <ScheduleModal
                campaign={campaign.data}
                opened={isScheduling}
                onClose={closeAndRefresh(scheduling.close)}
                audience={audience}
              />
            )}
            {isSending && (
              <SendNowModal
                campaign={campaign.data}
                opened={isSending}
                onClose={closeAndRefresh(sending.close)}
                audience={audience}
              />
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function LiveProgress({ issue }: { issue: Issue }) {
  const t = useNewslettersT();
  const live = issue.campaign.state === 'scheduled' || issue.campaign.state === 'sending';
  const progress = useProgress(issue.campaign.id, live);
  const state = issue.campaign.state;
  const refetch = progress.refetch;
  // The issue moves on (sent, published): the last figures, not the ones of the last poll.
  useEffect(() => {
    if (state) void refetch();
  }, [state, refetch]);
  if (!progress.data) return null;
  const reason = issue.campaign.lastError ? issueErrorText(t, issue.campaign.lastError) : null;
  return (
    <Stack gap="sm">
      <ProgressPanel progress={progress.data} />
      {reason && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {reason}
        </Alert>
      )}
    </Stack>
  );
}

/** One issue: its text, its sections and stories, the candidates, the preview, the sending. */
export default function IssuePage() {
  const t = useNewslettersT();
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const issue = useIssue(id);
  const update = useUpdateIssue(id);
  const remove = useDeleteIssue();
  const [local, setLocal] = useState<IssueSection[] | null>(null);

  if (issue.isPending) return <PageSkeleton />;
  if (issue.isError) {
    return (
      <>
        <PageHeader title={t('list.title')} breadcrumbs={[{ label: t('issue.back'), to: '/newsletters' }]} />
        {isApiError(issue.error) && issue.error.status === 404 ? (
          <EmptyState title={t('issue.notFound')} />
        ) : (
          <ErrorState error={issue.error} onRetry={() => void issue.refetch()} />
        )}
      </>
    );
  }
  const data = issue.data;
  const isEditable = data.campaign.state === 'draft' && Boolean(data.abilities.update);
  const sections = local ?? data.sections;
  const save = (next: IssueSection[]) => {
    setLocal(next);
    update.mutate(toPatch(next), {
      onSettled: () => setLocal(null),
      onError: (error) => notifyError(tc, error),
    });
  };
  const add = (candidate: Candidate, key: string) =>
    save(
      sections.map((s) =>
        s.key === key
          ? {
              ...s,
              items: [
                ...s.items,
                {
                  storyId: candidate.storyId,
                  section: key,
                  position: s.items.length,
                  isVisible: true,
                  title: candidate.title,
                  summary: candidate.summary,
                  labs: candidate.labs,
                  embargo: candidate.embargo,
                  relay: { id: candidate.relay.id, state: candidate.relay.state },
                },
              ],
            }
          : s,
      ),
    );

  return (
    <>
      <PageHeader
        title={t('issue.heading', { number: data.number, title: data.title })}
        eyebrow={
          <Group gap="xs">
            <IssueStateBadge state={data.state} />
          </Group>
        }
        breadcrumbs={[{ label: t('issue.back'), to: '/newsletters' }]}
        actions={
          data.abilities.delete ? (
            <ConfirmButton
              variant="subtle"
              leftSection={<IconTrash size={16} aria-hidden />}
              title={t('issue.deleteTitle')}
              message={t('issue.deleteMessage')}
              confirmLabel={t('issue.delete')}
              onConfirm={async () => {
                await remove.mutateAsync(data.id);
                notifications.show({ color: 'teal', message: t('issue.deleted') });
                navigate('/newsletters');
              }}
            >
              {t('issue.delete')}
            </ConfirmButton>
          ) : undefined
        }
      />
      <Stack gap="lg">
        {data.archiveUrl ? (
          <Alert color="teal" variant="light" icon={<IconCheck aria-hidden />}>
            <Group gap="xs">
              <Text size="sm">{t('issue.archiveReady')}</Text>
              <Anchor href={data.archiveUrl} size="sm" fw={600} data-testid="archive-link">
                <Group gap={4} component="span">
                  {data.archiveUrl}
                  <IconExternalLink size={14} aria-hidden />
                </Group>
              </Anchor>
            </Group>
          </Alert>
        ) : data.state === 'published' ? (
          <Alert color="teal" variant="light">
            {t('issue.archiveWaiting')}
          </Alert>
        ) : null}
        {data.campaign.state !== 'draft' && <LiveProgress issue={data} />}
        {!isEditable && data.campaign.state === 'draft' && (
          <Alert color="gray" variant="light">
            {t('issue.readOnly')}
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <TextCard key={data.id} issue={data} isEditable={isEditable} />
              <Card withBorder padding="lg" component="section" aria-labelledby="sections-title">
                <Stack gap="sm">
                  <Title order={2} fz="lg" id="sections-title">
                    {t('sections.title')}
                  </Title>
                  <SectionsEditor sections={sections} onChange={save} isEditable={isEditable} />
                </Stack>
              </Card>
              {isEditable && <CandidatesCard issue={data} sections={sections} onAdd={add} />}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="lg" className={classes.sticky}>
              <SendCard issue={data} sections={sections} />
              <IssuePreview issueId={data.id} version={data.updatedAt} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
