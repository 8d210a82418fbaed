import { Anchor, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { newsletterLimits } from '../../../shared/newsletters.ts';
import { isApiError } from '../../app/api.ts';
import { errorMessage, translateFieldMessage } from '../../app/errors.ts';
import { formatDateTime } from '../../app/format.ts';
import { currentLocale } from '../../app/i18n.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { CardsSkeleton, EmptyState, ErrorState } from '../../shared/States.tsx';
import classes from '../campaigns/campaigns.module.css';
import { SendingNav } from '../campaigns/SendingNav.tsx';
import { useCreateIssue, useIssues } from './api.ts';
import { IssueStateBadge } from './badges.tsx';
import { useNewslettersT } from './i18n.ts';
import type { Issue } from './types.ts';

function IssueCard({ issue }: { issue: Issue }) {
  const t = useNewslettersT();
  const locale = currentLocale();
  const count = issue.sections.reduce((sum, section) => sum + section.items.length, 0);
  const when = issue.publishedAt
    ? t('list.publishedOn', { date: formatDateTime(issue.publishedAt, locale) })
    : issue.campaign.state === 'scheduled' && issue.campaign.scheduledAt
      ? t('list.scheduledFor', { date: formatDateTime(issue.campaign.scheduledAt, locale) })
      : t('list.createdOn', { date: formatDateTime(issue.createdAt, locale) });
  return (
    <Card withBorder padding="md" className={classes.clickCard} component="li">
      <Stack gap={6}>
        <Group gap="xs">
          <IssueStateBadge state={issue.state} />
          <Text size="sm" c="dimmed">
            {t('list.stories', { count })}
          </Text>
        </Group>
        <Title order={2} fz="lg" style={{ overflowWrap: 'anywhere' }}>
          <Link to={`/newsletters/${issue.id}`} className={classes.cardLink}>
            {t('issue.heading', { number: issue.number, title: issue.title })}
          </Link>
        </Title>
        <Group gap="md" justify="space-between">
          <Text size="sm" c="dimmed">
            {when}
          </Text>
          {issue.archiveUrl && (
            <Anchor href={issue.archiveUrl} size="sm" style={{ position: 'relative', zIndex: 1 }}>
              <Group gap={4} component="span">
                {t('list.archive')}
                <IconExternalLink size={14} aria-hidden />
              </Group>
            </Anchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function NewIssueModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useNewslettersT();
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateIssue();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!title.trim()) return setError(tc('fieldErrors.required'));
    try {
      const issue = await create.mutateAsync({ title: title.trim() });
      navigate(`/newsletters/${issue.id}`);
    } catch (failure) {
      const field = isApiError(failure) ? failure.fields.title : undefined;
      setError(field ? translateFieldMessage(tc, field) : errorMessage(tc, failure));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('list.newTitle')} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('list.titleLabel')}
            description={t('list.titleHint')}
            placeholder={t('list.titlePlaceholder')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            maxLength={newsletterLimits.title}
            error={error}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('list.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The issues, newest number first, and the "new issue" action. */
export default function NewslettersPage() {
  const t = useNewslettersT();
  const issues = useIssues({ limit: 50 });
  const [isCreating, creating] = useDisclosure(false);
  const newButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={creating.open}>
      {t('list.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description')} actions={newButton} />
      <SendingNav />
      {issues.isPending ? (
        <CardsSkeleton />
      ) : issues.isError ? (
        <ErrorState error={issues.error} onRetry={() => void issues.refetch()} />
      ) : issues.data.items.length === 0 ? (
        <EmptyState title={t('list.empty')} description={t('list.emptyHint')} action={newButton} />
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {issues.data.items.map((issue) => (
            <IssueCard key={issue.id} issue={issue} />
          ))}
        </Stack>
      )}
      <NewIssueModal opened={isCreating} onClose={creating.close} />
    </>
  );
}
