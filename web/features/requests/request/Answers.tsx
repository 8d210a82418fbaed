import { Anchor, Badge, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCheck,
  IconExternalLink,
  IconFileText,
  IconMail,
  IconMoodEmpty,
  IconSpeakerphone,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime, intlLocale } from '../../../app/format.ts';
import { currentLocale } from '../../../app/i18n.ts';
import { EmptyState } from '../../../shared/States.tsx';
import { useMarkAnswerUsed } from '../api.ts';
import { useRequestsT } from '../i18n.ts';
import classes from '../requests.module.css';
import type { Answer, RequestDetail } from '../types.ts';
import { useReportActionError } from './ActionBar.tsx';

const fileSize = (bytes: number) =>
  new Intl.NumberFormat(intlLocale(currentLocale()), {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 0,
  }).format(Math.max(1, bytes / 1024));

function AnswerCard({ request, answer }: { request: RequestDetail; answer: Answer }) {
  const t = useRequestsT();
  const locale = currentLocale();
  const mark = useMarkAnswerUsed(request.id);
  const report = useReportActionError(request.id);
  const isNothing = answer.kind === 'nothing';
  const toggle = (isUsed: boolean) =>
    mark.mutate(
      { answerId: answer.id, isUsed },
      {
        onSuccess: () => isUsed && notifications.show({ color: 'teal', message: t('answers.markedUsed') }),
        onError: report,
      },
    );
  return (
    <Card
      component="article"
      padding="md"
      withBorder
      className={classes.answer}
      data-used={answer.usedAt ? true : undefined}
      aria-label={`${answer.lab.acronym} — ${answer.author.name}`}
    >
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Group gap={6} wrap="wrap">
            <Badge color="relais" variant="outline">
              {answer.lab.acronym}
            </Badge>
            {isNothing && (
              <Badge color="grape" variant="light" leftSection={<IconMoodEmpty size={12} aria-hidden />}>
                {t('answers.nothing')}
              </Badge>
            )}
            {answer.isLate && (
              <Badge color="red" variant="light">
                {t('answers.late')}
              </Badge>
            )}
            {answer.usedAt && (
              <Badge color="teal" variant="filled" leftSection={<IconCheck size={12} aria-hidden />}>
                {answer.usedBy ? t('answers.usedBy', { name: answer.usedBy.name }) : t('answers.used')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('answers.by', { name: answer.author.name, date: formatDateTime(answer.createdAt, locale) })}
          </Text>
        </Group>
        {answer.body && (
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            c={isNothing ? 'dimmed' : undefined}
          >
            {answer.body}
          </Text>
        )}
        {answer.expert && (
          <Text size="sm">
            <Text span fw={600}>
              {t('answers.expert')}
            </Text>{' '}
            <Anchor component={Link} to={`/people/${answer.expert.id}`} size="sm">
              {answer.expert.name}
            </Anchor>
            {answer.expert.labAcronym && ` (${answer.expert.labAcronym})`}
            {answer.expert.email && (
              <>
                {' · '}
                <Anchor href={`mailto:${answer.expert.email}`} size="sm">
                  <IconMail size={13} aria-hidden style={{ verticalAlign: -2 }} /> {answer.expert.email}
                </Anchor>
              </>
            )}
          </Text>
        )}
        {answer.stories.length > 0 && (
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {t('answers.stories')}
            </Text>
            {answer.stories.map((story) => (
              <Anchor key={story.id} component={Link} to={`/stories/${story.id}`} size="sm">
                <IconSpeakerphone size={13} aria-hidden style={{ verticalAlign: -2 }} /> {story.title}
              </Anchor>
            ))}
          </Group>
        )}
        {answer.links.length > 0 && (
          <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {answer.links.map((link) => (
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
        )}
        {answer.files.length > 0 && (
          <Group gap="sm" wrap="wrap" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {answer.files.map((file) => (
              <li key={file.id}>
                <Anchor
                  href={file.urls.file}
                  target="_blank"
                  rel="noopener"
                  aria-label={t('answers.download', { name: file.originalName })}
                  style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}
                >
                  {file.urls.thumb ? (
                    <img src={file.urls.thumb} alt="" className={classes.thumb} />
                  ) : (
                    <IconFileText size={28} aria-hidden />
                  )}
                  <span>
                    <Text size="sm" span style={{ overflowWrap: 'anywhere' }}>
                      {file.originalName}
                    </Text>
                    <Text size="xs" c="dimmed" display="block">
                      {fileSize(file.byteSize)}
                    </Text>
                  </span>
                </Anchor>
              </li>
            ))}
          </Group>
        )}
        {(answer.abilities.markUsed || answer.abilities.unmarkUsed) && (
          <Group gap="xs">
            {answer.abilities.markUsed && (
              <Button
                size="xs"
                variant="light"
                color="teal"
                leftSection={<IconCheck size={14} aria-hidden />}
                loading={mark.isPending}
                onClick={() => toggle(true)}
                aria-label={`${t('answers.markUsed')} — ${answer.lab.acronym}`}
              >
                {t('answers.markUsed')}
              </Button>
            )}
            {answer.abilities.unmarkUsed && (
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                loading={mark.isPending}
                onClick={() => toggle(false)}
              >
                {t('answers.unmarkUsed')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The answers the viewer may read, newest first, filterable by lab. */
export function Answers({ request, title }: { request: RequestDetail; title?: string }) {
  const t = useRequestsT();
  const [lab, setLab] = useState<string | null>(null);
  const labs = [...new Map(request.answers.map((answer) => [answer.lab.id, answer.lab])).values()];
  const items = [...request.answers]
    .filter((answer) => !lab || answer.lab.id === lab)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack gap="sm">
      {(title || labs.length > 2) && (
        <Group justify="space-between" align="flex-end">
          {title && (
            <Text fw={700} component="h2" fz="lg" m={0}>
              {title}
            </Text>
          )}
          {labs.length > 2 && (
            <Select
              label={t('answers.filter')}
              size="xs"
              data={labs.map((item) => ({ value: item.id, label: item.acronym }))}
              value={lab}
              onChange={setLab}
              clearable
              clearButtonProps={{ 'aria-label': t('clear') }}
              w={180}
            />
          )}
        </Group>
      )}
      {items.length === 0 ? (
        <EmptyState title={t('answers.empty')} description={t('answers.emptyHint')} isCompact />
      ) : (
        items.map((answer) => <AnswerCard key={answer.id} request={request} answer={answer} />)
      )}
    </Stack>
  );
}
